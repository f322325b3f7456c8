package org.broadsheet.comment;

import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;

class SqliteXssTest extends XssContract {

	@Override
	RunningSite start(String... options) {
		return RunningSite.start(TestDatabases.newDataFolder(), options);
	}

}
