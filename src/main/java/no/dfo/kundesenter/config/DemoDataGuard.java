package no.dfo.kundesenter.config;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Before migrating, looks at what the database already holds: the demo never writes its
 * users (known passwords) and cases into a database that was set up without them, and the
 * portal never runs for real on a database that holds them.
 */
@Configuration(proxyBeanMethods = false)
class DemoDataGuard {

	static final String DEMO_DATA_SCRIPT = "R__demo_data.sql";

	@Bean
	Callback demoDataGuardCallback(Environment environment) {
		return new Guard(DemoProfile.isActive(environment));
	}

	private record Guard(boolean demo) implements Callback {

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.BEFORE_MIGRATE;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			String table = context.getConfiguration().getTable();
			try {
				History history = history(context.getConnection(), table);
				if (this.demo && history.migrations() > 0 && !history.demoData()) {
					throw new UnsafeConfigurationException(
							"The demo profile was started on a database that was set up without the demo data. "
									+ "The demo would add users with known passwords to it.",
							"Run the demo on its own database (leave SPRING_DATASOURCE_URL unset for the embedded "
									+ "one), or start the portal without the demo profile.");
				}
				if (!this.demo && history.demoData()) {
					throw new UnsafeConfigurationException(
							"This database holds the demo's users and cases, and the portal was started without "
									+ "the demo profile.",
							"Use a database of its own for real use; this one belongs to the demo.");
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not read the migration history in " + table, ex);
			}
		}

		private static History history(Connection connection, String table) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				try (ResultSet exists = statement
					.executeQuery("select to_regclass('" + table.replace("'", "''") + "') is not null")) {
					if (!exists.next() || !exists.getBoolean(1)) {
						return new History(0, false);
					}
				}
				try (ResultSet rows = statement.executeQuery("select count(*), count(*) filter (where script = '"
						+ DEMO_DATA_SCRIPT + "') from " + table + " where success")) {
					rows.next();
					return new History(rows.getLong(1), rows.getLong(2) > 0);
				}
			}
		}

		@Override
		public String getCallbackName() {
			return "demo-data-guard";
		}

	}

	private record History(long migrations, boolean demoData) {
	}

}
