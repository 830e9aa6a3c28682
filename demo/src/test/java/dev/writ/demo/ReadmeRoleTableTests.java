package dev.writ.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README publishes the role × action table that {@link RoleActionTableTests} plays:
 * its section "Organizations, roles and API tokens" holds exactly
 * {@link RoleActionTable#markdown()}, so neither can change without the other.
 */
class ReadmeRoleTableTests {

	static final String SECTION = "## Organizations, roles and API tokens";

	@Test
	void readmeWhenReadThenItsRoleTableIsTheTestedOne() throws IOException {
		assertThat(table(Files.readAllLines(readme()))).isEqualTo(RoleActionTable.markdown());
	}

	@Test
	void tableWhenSectionHasProseAroundItThenOnlyTheTableIsRead() {
		List<String> readme = List.of("# Writ", SECTION, "", "Some words.", "", "| a | b |", "|---|---|", "| 1 | 2 |",
				"", "More words.", "| not | this |", "## Tests", "| nor | this |");
		assertThat(table(readme)).isEqualTo("| a | b |\n|---|---|\n| 1 | 2 |\n");
	}

	/** The first markdown table of the section, one line each. */
	static String table(List<String> lines) {
		int section = lines.indexOf(SECTION);
		assertThat(section).as("the README's section '%s'", SECTION).isNotNegative();
		StringBuilder table = new StringBuilder();
		for (String line : lines.subList(section + 1, lines.size())) {
			if (line.startsWith("#") || (!table.isEmpty() && !line.startsWith("|"))) {
				break;
			}
			if (line.startsWith("|")) {
				table.append(line).append('\n');
			}
		}
		return table.toString();
	}

	/**
	 * The project's README, in the directory that holds this module, found from wherever
	 * the tests run (Maven runs them in the module's directory).
	 */
	private static Path readme() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.isRegularFile(directory.resolve("demo/pom.xml"))) {
			directory = directory.getParent();
		}
		assertThat(directory).as("the project's directory, above %s", Path.of("").toAbsolutePath()).isNotNull();
		return directory.resolve("README.md");
	}

}
