package org.broadsheet.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared test corpus, {@code ../shared/corpus} beside the repository (never copied
 * into it).
 */
public final class Corpus {

	private Corpus() {
	}

	/**
	 * @return the corpus folder; skips the calling test with a clear message when it is
	 * absent
	 */
	public static Path require(String relative) {
		String shared = System.getenv().getOrDefault("BROADSHEET_SHARED", "../shared");
		Path path = Path.of(shared, "corpus", relative);
		Assumptions.assumeTrue(Files.exists(path), "Skipped: the shared corpus is absent (" + path.toAbsolutePath()
				+ "); it lies beside the repository as ../shared");
		return path;
	}

}
