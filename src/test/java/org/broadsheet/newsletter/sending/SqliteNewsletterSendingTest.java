package org.broadsheet.newsletter.sending;

import java.nio.file.Path;
import java.util.List;

class SqliteNewsletterSendingTest extends NewsletterSendingContract {

	@Override
	List<String> database(Path data) {
		return List.of();
	}

}
