package org.broadsheet.newsletter.sending;

import java.nio.file.Path;
import java.util.List;

class SqliteNewsletterDigestTest extends NewsletterDigestContract {

	@Override
	List<String> database(Path data) {
		return List.of();
	}

}
