package no.dfo.kundesenter.cases.registration;

import java.util.stream.Stream;

import no.dfo.kundesenter.cases.core.CaseRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@SpringBootTest
@AutoConfigureMockMvc
@WithUserDetails("kari")
class CaseRegistrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseRepository cases;

	@Autowired
	JdbcTemplate jdbc;

	private long karisCases() {
		return this.jdbc.queryForObject(
				"select count(*) from support_case where reporter_id = (select id from app_user where username = 'kari')",
				Long.class);
	}

	static MultiValueMap<String, String> validPayrollCaseWithVoucher() {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("category", "PAYROLL");
		form.add("subject", "Sykemelding for mars");
		form.add("message", "Vedlagt er sykemelding.\nHilsen Kari");
		form.add("voucher", "ja");
		form.add("employeeNumber", "40213");
		form.add("employeeName", "Ærlig Øvre");
		form.add("payPeriod", "2026-03");
		form.add("amount", "12 500,50");
		form.add("voucherNote", "Etterbetaling");
		return form;
	}

	static MockHttpServletRequestBuilder postCase(MultiValueMap<String, String> form) {
		return post("/saker").params(form).with(csrf());
	}

	@Test
	void theFormOffersBothCategoriesAndTheVoucherQuestion() throws Exception {
		this.mvc.perform(get("/saker/ny"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"PAYROLL\"")))
			.andExpect(content().string(containsString("value=\"ACCOUNTING\"")))
			.andExpect(content().string(containsString("Bilag til utbetaling?")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void registeringAPayrollCaseWithVoucherShowsItFirstInTheListAndOnItsPage() throws Exception {
		MvcResult result = this.mvc.perform(postCase(validPayrollCaseWithVoucher()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).matches("/saker/\\d{6,}");
		long id = Long.parseLong(location.substring("/saker/".length()));
		assertThat(result.getFlashMap().get("registeredId")).isEqualTo(id);

		var saved = this.cases.findById(id).orElseThrow();
		assertThat(saved.getStatus().name()).isEqualTo("ACTIVE");
		assertThat(saved.getChannel().name()).isEqualTo("WEB");
		assertThat(saved.getVoucher().getAmount()).isEqualByComparingTo("12500.50");

		// Sessions live in the database (Spring Session), found again by the session
		// cookie.
		this.mvc.perform(get(location).cookie(result.getResponse().getCookies()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Saken er registrert med ID " + id)))
			.andExpect(content().string(containsString("Sykemelding for mars")))
			.andExpect(content().string(containsString("Vedlagt er sykemelding.")))
			.andExpect(content().string(containsString("Ærlig Øvre")))
			.andExpect(content().string(containsString("2026-03")))
			.andExpect(content().string(containsString("12\u00a0500,50 kr")))
			.andExpect(content().string(containsString("Etterbetaling")))
			.andExpect(content().string(containsString("Aktiv")));

		String list = this.mvc.perform(get("/saker"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int firstRow = list.indexOf("<tbody>");
		assertThat(list.indexOf("/saker/" + id, firstRow))
			.isLessThan(list.indexOf("<tr>", list.indexOf("<tr>", firstRow) + 1));
	}

	@Test
	void anAccountingCaseNeedsNoVoucherFields() throws Exception {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("category", "ACCOUNTING");
		form.add("subject", "Faktura");
		form.add("message", "Fakturaen mangler.");
		form.add("voucher", "ja");
		MvcResult result = this.mvc.perform(postCase(form)).andExpect(status().is3xxRedirection()).andReturn();
		long id = Long.parseLong(result.getResponse().getRedirectedUrl().substring("/saker/".length()));
		assertThat(this.cases.findById(id).orElseThrow().getVoucher()).isNull();
	}

	@Test
	void aPayrollCaseWithoutVoucherIsRegistered() throws Exception {
		var form = validPayrollCaseWithVoucher();
		form.set("voucher", "nei");
		form.set("amount", "not a number, ignored");
		this.mvc.perform(postCase(form)).andExpect(status().is3xxRedirection());
	}

	static Stream<Arguments> badInput() {
		return Stream.of(Arguments.of("subject", "", "case.subject.required", "Skriv et emne."),
				Arguments.of("subject", "   ", "case.subject.required", "Skriv et emne."),
				Arguments.of("subject", "x".repeat(201), "case.subject.tooLong", "Emnet kan ha høyst 200 tegn."),
				Arguments.of("message", "", "case.message.required", "Skriv en melding."),
				Arguments.of("message", "x".repeat(20_001), "case.message.tooLong",
						"Meldingen kan ha høyst 20 000 tegn."),
				Arguments.of("category", "", "case.category.required", "Velg kategori."),
				Arguments.of("category", "SALARY", "case.category.unknown", "Velg lønn eller regnskap."),
				Arguments.of("payPeriod", "2026-13", "case.payPeriod.invalid", "Lønnsperioden må være år og måned"),
				Arguments.of("payPeriod", "03-2026", "case.payPeriod.invalid", "Lønnsperioden må være år og måned"),
				Arguments.of("payPeriod", "", "case.payPeriod.required", "Skriv lønnsperioden."),
				Arguments.of("amount", "0", "case.amount.notPositive", "Beløpet må være større enn 0."),
				Arguments.of("amount", "0,00", "case.amount.notPositive", "Beløpet må være større enn 0."),
				Arguments.of("amount", "-5", "case.amount.notPositive", "Beløpet må være større enn 0."),
				Arguments.of("amount", "tolv", "case.amount.invalid", "Beløpet må være et tall"),
				Arguments.of("amount", "1,2345", "case.amount.decimals", "Beløpet kan ha høyst to desimaler."),
				Arguments.of("amount", "1,234", "case.amount.ambiguous", "skiller tusener eller kroner og øre"),
				Arguments.of("amount", "99999999999", "case.amount.tooLarge", "Beløpet er for stort."),
				Arguments.of("amount", "", "case.amount.required", "Skriv beløpet."),
				Arguments.of("employeeNumber", "", "case.employeeNumber.required", "Skriv ansattnummeret."),
				Arguments.of("employeeNumber", "1".repeat(21), "case.employeeNumber.tooLong",
						"Ansattnummeret kan ha høyst 20 tegn."),
				Arguments.of("employeeName", " ", "case.employeeName.required", "Skriv navnet på den ansatte."),
				Arguments.of("voucher", "kanskje", "case.voucher.required",
						"Velg om saken gjelder bilag til utbetaling."));
	}

	@ParameterizedTest(name = "{0}=''{1}'' gives {2}")
	@MethodSource("badInput")
	void badInputIsRejectedNextToItsFieldAndInTheSummaryKeepingEverythingTyped(String field, String value, String code,
			String text) throws Exception {
		long before = karisCases();
		var form = validPayrollCaseWithVoucher();
		form.set(field, value);
		form.set("voucherNote", "Merknad <b>som</b> beholdes");
		this.mvc.perform(postCase(form))
			.andExpect(status().isOk())
			.andExpect(view().name("cases/new"))
			.andExpect(model().attributeHasFieldErrorCode("form", field, code))
			.andExpect(content().string(containsString("class=\"error-summary\"")))
			.andExpect(content().string(containsString(text)))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(field.equals("message") ? containsString("error-summary")
					: containsString("Vedlagt er sykemelding.\nHilsen Kari")))
			.andExpect(content().string(containsString("Merknad &lt;b&gt;som&lt;/b&gt; beholdes")))
			.andExpect(content().string(isRadioGroup(field) ? containsString("value=\"PAYROLL\"")
					: anyOf(containsString("value=\"" + escaped(value) + "\""),
							containsString(">" + escaped(value) + "</textarea>"))));
		if (!field.equals("subject")) {
			this.mvc.perform(postCase(form))
				.andExpect(content().string(containsString("value=\"Sykemelding for mars\"")));
		}
		assertThat(karisCases()).isEqualTo(before);
	}

	private static boolean isRadioGroup(String field) {
		return field.equals("category") || field.equals("voucher");
	}

	private static String escaped(String value) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(value);
	}

	@Test
	void aMissingCategoryIsReportedEvenWhenTheFieldIsNotSentAtAll() throws Exception {
		var form = validPayrollCaseWithVoucher();
		form.remove("category");
		this.mvc.perform(postCase(form))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "category", "case.category.required"));
	}

	@Test
	void markupInTheSubjectIsShownAsTextNeverRun() throws Exception {
		var form = validPayrollCaseWithVoucher();
		form.set("subject", "<script>alert(1)</script>");
		String location = this.mvc.perform(postCase(form)).andReturn().getResponse().getRedirectedUrl();
		this.mvc.perform(get(location))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

	@Test
	void registeringWithoutCsrfTokenIsRefused() throws Exception {
		long before = karisCases();
		this.mvc.perform(post("/saker").params(validPayrollCaseWithVoucher())).andExpect(status().isForbidden());
		assertThat(karisCases()).isEqualTo(before);
	}

	@Test
	@WithUserDetails("admin")
	void anAdministratorCannotRegisterCases() throws Exception {
		this.mvc.perform(get("/saker/ny")).andExpect(status().isNotFound());
		this.mvc.perform(postCase(validPayrollCaseWithVoucher())).andExpect(status().isNotFound());
	}

}
