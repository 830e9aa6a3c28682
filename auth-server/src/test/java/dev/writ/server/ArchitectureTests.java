package dev.writ.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape the build keeps: no package cycles, protocol code independent of the web
 * layer, nothing blocking.
 */
class ArchitectureTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.writ.server");
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("dev.writ.server.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void protocolCodeDoesNotDependOnWebLayer() {
		noClasses().that()
			.resideOutsideOfPackage("dev.writ.server.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.writ.server.web..")
			.check(classes);
	}

	@Test
	void mainCodeNeverBlocksOnAPublisher() {
		noClasses().should()
			.callMethod(reactor.core.publisher.Mono.class, "block")
			.orShould()
			.callMethod(reactor.core.publisher.Flux.class, "blockFirst")
			.orShould()
			.callMethod(reactor.core.publisher.Flux.class, "blockLast")
			.check(classes);
	}

}
