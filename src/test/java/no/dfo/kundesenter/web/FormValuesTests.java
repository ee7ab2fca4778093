package no.dfo.kundesenter.web;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormValuesTests {

	@Test
	void aNumberIsReadWithSpaceAroundItAndAnythingElseIsNull() {
		assertThat(FormValues.number(" 42 ")).isEqualTo(42L);
		assertThat(FormValues.number("-7")).isEqualTo(-7L);
		assertThat(FormValues.number("4 2")).isNull();
		assertThat(FormValues.number("99999999999999999999")).isNull();
		assertThat(FormValues.number("")).isNull();
		assertThat(FormValues.number(null)).isNull();
	}

	@Test
	void aChoiceIsTheConstantNamedExactly() {
		assertThat(FormValues.choice(TimeUnit.class, "SECONDS")).isEqualTo(TimeUnit.SECONDS);
		assertThat(FormValues.choice(TimeUnit.class, "seconds")).isNull();
		assertThat(FormValues.choice(TimeUnit.class, " SECONDS")).isNull();
		assertThat(FormValues.choice(TimeUnit.class, null)).isNull();
	}

	@Test
	void aUuidIsReadWithSpaceAroundItAndAnythingElseIsNull() {
		UUID id = UUID.randomUUID();
		assertThat(FormValues.uuid(" " + id + "\n")).isEqualTo(id);
		assertThat(FormValues.uuid("not-a-uuid")).isNull();
		assertThat(FormValues.uuid(null)).isNull();
	}

}
