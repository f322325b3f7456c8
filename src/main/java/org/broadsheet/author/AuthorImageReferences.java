package org.broadsheet.author;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.media.ImageEvent;

import org.broadsheet.media.Image;
import org.broadsheet.media.ImageReference;
import org.broadsheet.media.ImageReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The authors whose portrait is a media library image; when the image's texts change, the
 * pages showing those authors are refreshed.
 */
@Component
class AuthorImageReferences implements ImageReferences {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	AuthorImageReferences(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@EventListener
	void imageDescribed(ImageEvent event) {
		if (event.change() != ImageEvent.Change.DESCRIBED) {
			return;
		}
		Set<String> keys = new HashSet<>();
		jdbc.sql("SELECT id FROM author WHERE photo_image_id = ?")
			.param(event.subjectId())
			.query(Long.class)
			.list()
			.forEach(id -> keys.add(Surrogates.author(id)));
		if (!keys.isEmpty()) {
			events.publishEvent(new PagesChanged(keys));
		}
	}

	@Override
	public List<ImageReference> of(Image image) {
		return jdbc.sql("SELECT id, name FROM author WHERE photo_image_id = ? ORDER BY name")
			.param(image.id())
			.query((rs, n) -> new ImageReference("author", rs.getString("name"),
					"/newsroom/authors#title-" + rs.getLong("id")))
			.list();
	}

}
