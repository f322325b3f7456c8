package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadingTimeTest {

	@Test
	void countsWordsAt230AMinuteAndCjkCharactersAt500() {
		assertThat(ReadingTime.minutes(null)).isEqualTo(1);
		assertThat(ReadingTime.minutes("<p></p>")).isEqualTo(1);
		assertThat(ReadingTime.minutes("<p>" + "word ".repeat(460) + "</p>")).isEqualTo(2);
		assertThat(ReadingTime.minutes("<p>" + "word ".repeat(1150) + "</p><p>more</p>")).isEqualTo(5);
		assertThat(ReadingTime.minutes("<p>" + "新闻".repeat(750) + "</p>")).isEqualTo(3);
		assertThat(ReadingTime.minutes("<p>" + "می‌خواهم ".repeat(690) + "</p>")).isEqualTo(3);
	}

}
