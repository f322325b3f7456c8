package org.broadsheet.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Readers who hang up while a cached page is sent leave the log as it was. */
@ExtendWith(OutputCaptureExtension.class)
class ClientAbortTest {

	@Test
	void readersWhoHangUpDuringACachedPageLeaveNoErrorInTheLog(CapturedOutput output) throws IOException {
		try (var site = RunningSite.start(TestDatabases.newDataFolder())) {
			String path = TestArticles.publish(site, "Read to the end", Instant.parse("2026-01-01T00:00:00Z"));
			assertThat(site.get(path).status()).isEqualTo(200);
			assertThat(site.get("/").status()).isEqualTo(200);
			URI base = URI.create(site.url("/"));
			for (int i = 0; i < 200; i++) {
				try (var socket = new Socket(base.getHost(), base.getPort())) {
					socket.getOutputStream()
						.write(("GET " + (i % 2 == 0 ? path : "/") + " HTTP/1.1\r\nHost: " + base.getHost()
								+ "\r\n\r\n")
							.getBytes(StandardCharsets.US_ASCII));
					// Reset, not close: the page is then written to a connection that is
					// gone.
					socket.setSoLinger(true, 0);
				}
			}
			assertThat(site.get(path).status()).isEqualTo(200);
			assertThat(output.getAll()).doesNotContain("Exception Processing").doesNotContain("ClientAbortException");
		}
	}

}
