package no.dfo.kundesenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules of DESIGN.md section 8: each uses only what it declares, and the module
 * diagram in {@code docs/modules/} is the one the code gives. Every check runs over all
 * modules found, so a new module is covered once its name is added to {@link #MODULES}.
 */
class ModularityTests {

	/** The application's modules, by identifier. */
	private static final String[] MODULES = { "access", "api", "attachments", "cases", "casework", "channels", "config",
			"notifications", "web" };

	/** Where the Documenter writes (it empties the folder first). */
	private static final Path GENERATED = Path.of("target", "spring-modulith-docs");

	/** The committed diagram of all modules. */
	private static final Path COMMITTED = Path.of("docs", "modules", "components.puml");

	private final ApplicationModules modules = ApplicationModules.of(KundesenterApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		this.modules.verify();
	}

	@Test
	void theModulesOfTheDesignArePresentAndNoOthers() {
		assertThat(this.modules.stream().map((module) -> module.getIdentifier().toString()))
			.containsExactlyInAnyOrder(MODULES);
	}

	@TestFactory
	Stream<DynamicTest> everyModulePinsWhatItMayDependOn() {
		return this.modules.stream().map((module) -> DynamicTest.dynamicTest(module.getIdentifier().toString(), () -> {
			String name = module.getBasePackage().getName();
			Class<?> packageInfo = Class.forName(name + ".package-info");
			ApplicationModule declared = packageInfo.getAnnotation(ApplicationModule.class);
			assertThat(declared).as("@ApplicationModule on %s's package-info", name).isNotNull();
			assertThat(declared.allowedDependencies())
				.as("%s declares allowedDependencies explicitly (an empty list if it needs none)", name)
				.doesNotContain(ApplicationModule.OPEN_TOKEN);
		}));
	}

	@Test
	void theCommittedModuleDiagramIsTheOneTheCodeGives() throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		Path generated = GENERATED.resolve(COMMITTED.getFileName());
		this.modules.forEach((module) -> assertThat(GENERATED.resolve("module-" + module.getIdentifier() + ".puml"))
			.isNotEmptyFile());
		assertThat(generated).isNotEmptyFile();
		assertThat(COMMITTED).as("%s is missing: copy it from %s", COMMITTED, generated).exists();
		// Line by line in any order: the Documenter lists the relationships in an order
		// that changes from run to run.
		assertThat(Files.readAllLines(COMMITTED))
			.as("%s is out of date; after checking the change, refresh it with: cp %s %s", COMMITTED, generated,
					COMMITTED)
			.containsExactlyInAnyOrderElementsOf(Files.readAllLines(generated));
	}

}
