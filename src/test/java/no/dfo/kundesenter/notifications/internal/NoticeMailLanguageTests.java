package no.dfo.kundesenter.notifications.internal;

import java.util.Set;

import no.dfo.kundesenter.web.Languages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice and a confirmation mail are written in the language the person chose.
 */
@SpringBootTest
class NoticeMailLanguageTests {

	@Autowired
	NoticeMailComposer composer;

	@Test
	void aNoticeIsWrittenInTheRecipientsLanguage() {
		OutgoingMail bokmal = this.composer.compose(100123, Set.of(NoticeKind.ANSWERED), "a@b.no", Languages.BOKMAL);
		OutgoingMail nynorsk = this.composer.compose(100123, Set.of(NoticeKind.ANSWERED), "a@b.no", Languages.NYNORSK);
		OutgoingMail english = this.composer.compose(100123, Set.of(NoticeKind.ANSWERED), "a@b.no", Languages.ENGLISH);
		assertThat(english.subject()).contains("100123").startsWith("Update on case");
		assertThat(english.html()).contains("<html lang=\"en\">");
		assertThat(nynorsk.html()).contains("<html lang=\"nn\">");
		assertThat(bokmal.html()).contains("<html lang=\"nb\">");
		assertThat(nynorsk.text()).isNotEqualTo(bokmal.text());
		assertThat(english.text()).doesNotContain("Hei");
	}

	@Test
	void aConfirmationMailIsWrittenInTheLanguageItWasAskedIn() {
		OutgoingMail english = this.composer.composeConfirmation("a@b.no", "/profil/epost/bekreft?x=1",
				Languages.ENGLISH);
		OutgoingMail nynorsk = this.composer.composeConfirmation("a@b.no", "/profil/epost/bekreft?x=1",
				Languages.NYNORSK);
		assertThat(english.html()).contains("<html lang=\"en\">");
		assertThat(english.subject()).doesNotContain("Bekreft");
		assertThat(nynorsk.subject()).contains("Stadfest");
	}

}
