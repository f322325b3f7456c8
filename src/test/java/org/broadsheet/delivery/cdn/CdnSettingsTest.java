package org.broadsheet.delivery.cdn;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.broadsheet.shared.InvalidInput;
import org.junit.jupiter.api.Test;

class CdnSettingsTest {

	private static final CdnSettings.Http NO_API = new CdnSettings.Http(null, "POST", Map.of(), "", "", 30);

	@Test
	void settingsThatCannotWorkAreRefusedNamingTheProperty() {
		assertThatThrownBy(() -> new CdnSettings("fastly", List.of(), NO_API, Duration.ofSeconds(2)))
			.isInstanceOf(InvalidInput.class)
			.hasMessage("broadsheet.cdn.purger: is \"fastly\"; it must be one of none, varnish, http");
		assertThatThrownBy(() -> new CdnSettings("varnish", List.of(), NO_API, Duration.ofSeconds(2)))
			.hasMessage("broadsheet.cdn.varnish: must be set with broadsheet.cdn.purger=varnish");
		assertThatThrownBy(() -> new CdnSettings("http", List.of(), NO_API, Duration.ofSeconds(2)))
			.hasMessage("broadsheet.cdn.http.url: must be set with broadsheet.cdn.purger=http");
		assertThatThrownBy(
				() -> new CdnSettings.Http(URI.create("https://cdn.test/purge"), "POST", Map.of(), "", "", 0))
			.hasMessage("broadsheet.cdn.http.batch: is 0; it must be positive");
	}

}
