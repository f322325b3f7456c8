package org.broadsheet.webhook;

import java.nio.file.Path;
import java.util.List;

class SqliteWebhookTest extends WebhookContract {

	@Override
	List<String> database(Path data) {
		return List.of();
	}

}
