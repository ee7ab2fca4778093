package no.dfo.kundesenter.ui;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.dfo.kundesenter.TestPeople;
import no.dfo.kundesenter.notifications.internal.DemoMailbox;
import no.dfo.kundesenter.notifications.internal.OutgoingMail;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every page of the portal, in an order a browser can walk them in: each page is reached
 * the way a person reaches it (a link, a form sent, an address typed), from where the
 * page before left the browser, and the walk makes what the later pages show (a case with
 * attachments and an answer, an access request). Its own data: nothing is taken from
 * other tests.
 */
final class PortalPages {

	private static final Pattern CASE = Pattern.compile("^/saker/(\\d+)");

	/** The new-case form's own "Registrer sak" (the form starts with a hidden one). */
	private static final String REGISTER = "form[data-new-case-form] .form__actions button[type=submit]";

	private static final String MAIN_SUBMIT = "main .form__actions button[type=submit]";

	private final JdbcTemplate jdbc;

	private final DemoMailbox mailbox;

	private final Path attachment;

	private final String newcomer;

	private final String unknownName = "ukjent-" + UUID.randomUUID();

	private long caseId;

	PortalPages(JdbcTemplate jdbc, DemoMailbox mailbox, Path attachment) {
		this.jdbc = jdbc;
		this.mailbox = mailbox;
		this.attachment = attachment;
		this.newcomer = newcomer(jdbc);
	}

	/** A person at Testetaten with no role yet and the demo password, to order access. */
	private static String newcomer(JdbcTemplate jdbc) {
		TestPeople people = new TestPeople(jdbc);
		String username = people.person("ny", people.existing("910000004").id());
		jdbc.update("""
				update app_user set password_hash = (select password_hash from app_user where username = 'nina')
				where username = ?""", username);
		return username;
	}

	List<Page> all() {
		return List.of(
				// Not signed in
				Page.of(null, "login", (b) -> b.open("/login")),
				Page.of(null, "login after a wrong password", (b) -> b.open("/login?error")),
				Page.of(null, "login after 30 idle minutes, the form kept", (b) -> b.open("/login?utlopt&skjema")),
				Page.of(null, "login after single sign-on was refused", (b) -> b.open("/login?avvist=niva")),
				Page.of(null, "login after too many failed sign-ins", this::tooManyFailedSignIns).withStatus(429),
				Page.of(null, "the server's own error page (an encoded slash)", (b) -> b.open("/saker/1%2F2"))
					.withStatus(400)
					.inTheBrowsersLanguage(),
				Page.of(null, "accessibility statement", (b) -> b.open("/tilgjengelighet")),

				// An innmelder
				Page.of("kari", "home page: the case list", (b) -> b.open("/")),
				Page.of("kari", "case list, a search with hits", (b) -> b.open("/saker?q=l%C3%B8nn")),
				Page.of("kari", "case list, nothing found, parts of the address not used",
						(b) -> b.open("/saker?q=finnesikke&fra=2026-13-45&sort=ukjent&status=FEIL")),
				Page.of("kari", "new case form", (b) -> b.open("/saker/ny")),
				Page.of("kari", "new case form with its validation errors", (b) -> b.submit(REGISTER)),
				Page.of("kari", "new case form, a file just uploaded", this::fillInAndUpload),
				Page.of("kari", "new case form with an uploaded file, as sent again",
						(b) -> b.submit("[data-upload-button]")),
				Page.of("kari", "case page as customer, the case just registered", this::register),
				Page.of("kari", "case page as customer, the message form with its validation error",
						(b) -> b.submit("#svar button[type=submit]")),
				Page.of("kari", "page not found: a case that does not exist", (b) -> b.open("/saker/999999999999"))
					.withStatus(404),
				Page.of("kari", "error page: a form's address opened as a page",
						(b) -> b.open("/saker/" + this.caseId + "/meldinger"))
					.withStatus(405),
				Page.of("kari", "no access: a form sent with a wrong token", this::logOutWithAWrongToken)
					.withStatus(403),
				Page.of("kari", "new case form kept after its page expired", this::sendAnExpiredForm),
				Page.of("kari", "refused: files sent to a form that takes none", this::sendFilesToAccessRequest)
					.withStatus(415),
				Page.of("kari", "refused: too many parts in one form", this::sendTooManyParts).withStatus(413),
				Page.of("kari", "Bestille tilgang, with access", (b) -> b.open("/tilgang")),
				Page.of("kari", "profile", (b) -> b.open("/profil")),
				Page.of("kari", "profile, the address form with its validation error", (b) -> b.submit(MAIN_SUBMIT)),
				Page.of("kari", "accessibility statement, signed in", (b) -> b.open("/tilgjengelighet")),
				Page.of("kari", "demo mailbox", this::openMailbox),
				Page.of("kari", "demo form that mails the centre", (b) -> b.open("/demo/epost/send")),

				// A fagbruker
				Page.of("lise", "first page: her own and the agency's payroll cases", (b) -> b.open("/saker")),
				Page.of("lise", "case list narrowed to Mine saker", (b) -> b.open("/saker?omfang=mine")),

				// A caseworker
				Page.of("siri", "queue", (b) -> b.open("/saksbehandling")),
				Page.of("siri", "queue, all open cases", (b) -> b.open("/saksbehandling?visning=alle")),
				Page.of("siri", "case list of the centre", (b) -> b.open("/saker")),
				Page.of("siri", "case page as caseworker", (b) -> b.open("/saker/" + this.caseId)),
				Page.of("siri", "case page as caseworker, the reply form with its validation errors",
						(b) -> b.submit("button[name=action][value=send]")),
				Page.of("siri", "case page as caseworker after an internal note", this::writeInternalNote),
				Page.of("siri", "case page as caseworker after an answer with an attachment", this::answer),
				Page.of("siri", "phone case form", (b) -> b.open("/saksbehandling/telefon")),
				Page.of("siri", "phone case form, the people found",
						(b) -> b.open("/saksbehandling/telefon?organization=" + testetaten() + "&query=Nordmann")),
				Page.of("siri", "phone case form with its validation errors",
						(b) -> b.submit("form[method=post] .form__actions button[type=submit]")),
				Page.of("siri", "inbox of e-mail from unknown senders", (b) -> b.open("/saksbehandling/innboks")),
				Page.of("siri", "dashboard of the centre", (b) -> b.open("/saksbehandling/oversikt")),
				Page.of("siri", "canned replies", (b) -> b.open("/saksbehandling/ferdigtekster")),
				Page.of("siri", "new canned reply", (b) -> b.open("/saksbehandling/ferdigtekster/ny")),
				Page.of("siri", "new canned reply with its validation errors", (b) -> b.submit(MAIN_SUBMIT)),
				Page.of("siri", "editing a canned reply",
						(b) -> b.open("/saksbehandling/ferdigtekster/" + cannedReply())),

				// The innmelder reads the answer
				Page.of("kari", "case list, the centre's answer marked as news", this::seeTheAnswerMarked),
				Page.of("kari", "case page as customer with the centre's answer",
						(b) -> b.open("/saker/" + this.caseId)),
				Page.of("siri", "case page as caseworker, the answer read by the customer",
						(b) -> requireText(b.open("/saker/" + this.caseId), ".message__read")),

				// People without access
				Page.of("nina", "Bestille tilgang, without access", (b) -> b.open("/tilgang")),
				Page.of("nina", "Bestille tilgang with its validation errors", (b) -> b.submit(MAIN_SUBMIT)),
				Page.of(this.newcomer, "Bestille tilgang, the request sent", this::orderAccess),
				Page.of(this.newcomer, "profile without access, a confirmation sent", this::askToConfirmAnAddress),
				Page.of(this.newcomer, "confirming a new address from the link in the mail",
						this::openConfirmationLink),
				Page.of(this.newcomer, "confirming an address with a link that does not work",
						(b) -> b.open("/profil/epost/bekreft?adresse=ny%40testetaten.no&utloper=1&kode=feil")),

				// The administrator
				Page.of("admin", "access requests", (b) -> b.open("/admin/tilganger")),
				Page.of("admin", "dashboard of all categories", (b) -> b.open("/saksbehandling/oversikt")),
				Page.of("admin", "access requests, a rejection without a comment", this::rejectWithoutComment),
				Page.of("admin", "access requests, the users of an agency",
						(b) -> b.open("/admin/tilganger?virksomhet=910000004")),
				Page.of("admin", "access requests, a new agency with its validation errors",
						(b) -> b.submit("form[action$='/admin/virksomheter'] button[type=submit]")));
	}

	/** News is told in words, in the row and in the menu, not by colour alone. */
	private void seeTheAnswerMarked(Browser b) {
		b.open("/saker");
		requireText(b, "a[href='/saker/" + this.caseId + "'] ~ .tag--news");
		requireText(b, ".site-nav .nav-count");
	}

	private static void requireText(Browser b, String selector) {
		if (b.find(selector).getText().isBlank()) {
			throw new IllegalStateException("No text in " + selector + " on " + b.path());
		}
	}

	private void tooManyFailedSignIns(Browser b) {
		for (int i = 0; i < 11; i++) {
			b.open("/login");
			b.type("#username", this.unknownName);
			b.type("#password", "feil");
			b.submit("main form button[type=submit]");
		}
	}

	private void fillInAndUpload(Browser b) {
		b.open("/saker/ny");
		b.click("#category1");
		b.type("#subject", "Feil i feriepengene for mars");
		b.type("#message", "Feriepengene ble trukket to ganger. Lønnsslippen ligger ved.");
		b.click("#voucher1");
		b.type("#employeeNumber", "102030");
		b.type("#employeeName", "Ola Ansatt");
		b.type("#payPeriod", "2026-03");
		b.type("#amount", "1250,50");
		b.find("#files").sendKeys(this.attachment.toString());
		b.waitFor("[data-draft]");
	}

	private void register(Browser b) {
		b.submit(REGISTER);
		Matcher id = CASE.matcher(b.path());
		if (!id.find()) {
			throw new IllegalStateException("Registering ended on " + b.path());
		}
		this.caseId = Long.parseLong(id.group(1));
	}

	private void logOutWithAWrongToken(Browser b) {
		b.open("/saker");
		b.js("document.querySelector('form[action$=\"/logout\"] input[name=_csrf]').value = 'feil'");
		b.submit("form[action$='/logout'] button");
	}

	/** A form whose page was open too long: its token no longer fits. */
	private void sendAnExpiredForm(Browser b) {
		b.open("/saker/ny");
		b.type("#subject", "Skrevet før siden ble for gammel");
		b.js("const form = document.querySelector('[data-new-case-form]');"
				+ "form.action = form.action.replace(/_csrf=[^&]*/, '_csrf=utlopt')");
		b.submit(REGISTER);
	}

	private void sendFilesToAccessRequest(Browser b) {
		b.open("/tilgang");
		// The token in the address, as the forms that take files have it, so that only
		// the
		// files are wrong.
		b.js("""
				const form = document.querySelector('main form');
				form.enctype = 'multipart/form-data';
				form.action = form.action + '?_csrf=' + encodeURIComponent(form.elements._csrf.value);""");
		b.submit(MAIN_SUBMIT);
	}

	private void sendTooManyParts(Browser b) {
		b.open("/saker/ny");
		b.js("""
				const form = document.querySelector('[data-new-case-form]');
				for (let i = 0; i < 120; i++) {
				  const field = document.createElement('input');
				  field.type = 'hidden';
				  field.name = 'del' + i;
				  form.append(field);
				}""");
		b.submit(REGISTER);
	}

	private void openMailbox(Browser b) {
		String link = b.url("/saker/" + this.caseId);
		this.mailbox.send(new OutgoingMail(
				"kari.nordmann@testetaten.no", "Nytt i sak " + this.caseId, "Hei!\n\nDet har kommet et svar i sak "
						+ this.caseId + ".\nLes det her: " + link + "\n\nHilsen Kundesenteret",
				"<p>Hei!</p>", link, Instant.now()));
		b.open("/demo/epost");
	}

	private void writeInternalNote(Browser b) {
		b.open("/saker/" + this.caseId);
		b.click("#visibility2");
		b.type("#body", "Sjekket mot lønnssystemet: trukket to ganger i mars.");
		b.submit("button[name=action][value=send]");
	}

	private void answer(Browser b) {
		b.click("#visibility1");
		b.type("#body", "Vi har rettet trekket. Se vedlagt oversikt, og si fra om noe ikke stemmer.");
		b.select("#status", "WAITING_FOR_CUSTOMER");
		b.find("#reply-files").sendKeys(this.attachment.toString());
		b.submit("button[name=action][value=send]");
	}

	private void orderAccess(Browser b) {
		b.open("/tilgang");
		b.type("#orgNumber", "910000004");
		b.click("#role1");
		b.type("#reason", "Jeg har begynt i lønnsavdelingen og skal melde inn saker.");
		b.submit(MAIN_SUBMIT);
	}

	private void askToConfirmAnAddress(Browser b) {
		b.open("/profil");
		b.type("#email", this.newcomer + "@testetaten.no");
		b.submit(MAIN_SUBMIT);
	}

	/** The link in the confirmation mail, which the demo mailbox holds. */
	private void openConfirmationLink(Browser b) {
		String address = this.newcomer + "@testetaten.no";
		b.waitUntil("the confirmation mail to " + address,
				() -> this.mailbox.mails().stream().anyMatch((mail) -> mail.to().equals(address)));
		URI link = URI.create(this.mailbox.mails()
			.stream()
			.filter((mail) -> mail.to().equals(address))
			.findFirst()
			.orElseThrow()
			.link());
		b.open(link.getRawPath() + "?" + link.getRawQuery());
	}

	private void rejectWithoutComment(Browser b) {
		b.open("/admin/tilganger");
		b.submit("//li[h3[contains(., '(" + this.newcomer + ")')]]//button[@value='avvis']");
	}

	private long testetaten() {
		return this.jdbc.queryForObject("select id from organization where org_number = '910000004'", Long.class);
	}

	private long cannedReply() {
		return this.jdbc.queryForObject("select min(id) from canned_reply where category = 'PAYROLL'", Long.class);
	}

}
