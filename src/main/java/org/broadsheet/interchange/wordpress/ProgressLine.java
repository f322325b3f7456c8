package org.broadsheet.interchange.wordpress;

import java.io.PrintWriter;

/**
 * A progress bar on one terminal line, redrawn in place with a carriage return:
 * {@code checking  [#########...........]  45%  90/200}. Redrawn only when the shown
 * percentage or phase changes, so a large file costs a few hundred writes.
 */
final class ProgressLine {

	private static final int WIDTH = 30;

	private final PrintWriter out;

	private String phase = "";

	private int percent = -1;

	private boolean drawn;

	ProgressLine(PrintWriter out) {
		this.out = out;
	}

	/**
	 * @param done and {@code total} in the phase's units (bytes, items)
	 */
	void update(String phase, long done, long total) {
		int now = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
		if (now == percent && phase.equals(this.phase)) {
			return;
		}
		if (drawn && !phase.equals(this.phase)) {
			out.print('\n');
		}
		this.phase = phase;
		this.percent = now;
		int filled = now * WIDTH / 100;
		String units = phase.equals("checking") ? String.format("%,d of %,d bytes", done, total)
				: String.format("%,d of %,d items", done, total);
		out.printf("\r%-10s [%s%s] %3d%%  %s", phase, "#".repeat(filled), ".".repeat(WIDTH - filled), now, units);
		out.flush();
		drawn = true;
	}

	/** Ends the line, if one was drawn. */
	void finish() {
		if (drawn) {
			out.print('\n');
			out.flush();
			drawn = false;
		}
	}

}
