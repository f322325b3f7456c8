package org.broadsheet.settings;

import java.util.List;

import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.media.Image;
import org.broadsheet.media.ImageEvent;
import org.broadsheet.media.ImageReference;
import org.broadsheet.media.ImageReferences;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The site's logo is a media library image: the library lists the settings where it is
 * used (and so keeps it from being deleted), and when its texts change every page, which
 * shows it in the masthead, and every node's copy of the settings are refreshed.
 */
@Component
class SettingsImageReferences implements ImageReferences {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final SettingsStore settings;

	private final String defaultName;

	SettingsImageReferences(JdbcClient jdbc, ApplicationEventPublisher events, SettingsStore settings,
			@Value("${broadsheet.site.name:Broadsheet}") String defaultName) {
		this.jdbc = jdbc;
		this.events = events;
		this.settings = settings;
		this.defaultName = defaultName;
	}

	@Override
	public List<ImageReference> of(Image image) {
		return isLogo(image.id()) ? List.of(new ImageReference("settings",
				Overrides.or(settings.current().name(), defaultName), "/newsroom/settings")) : List.of();
	}

	@EventListener
	void imageDescribed(ImageEvent event) {
		if (event.change() == ImageEvent.Change.DESCRIBED && isLogo(event.subjectId())) {
			events.publishEvent(PagesChanged.of(Surrogates.ALL));
		}
	}

	private boolean isLogo(long imageId) {
		return jdbc.sql("SELECT COUNT(*) FROM site_settings WHERE logo_image_id = ?")
			.param(imageId)
			.query(Integer.class)
			.single() > 0;
	}

}
