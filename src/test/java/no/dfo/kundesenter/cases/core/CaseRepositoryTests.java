package no.dfo.kundesenter.cases.core;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.access.Role;
import no.dfo.kundesenter.cases.CaseStatus;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class CaseRepositoryTests {

	@Autowired
	CaseRepository cases;

	@Autowired
	JdbcTemplate jdbc;

	private long userId(String username) {
		return this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
	}

	private long organizationId(String orgNumber) {
		return this.jdbc.queryForObject("select id from organization where org_number = ?", Long.class, orgNumber);
	}

	private PortalUser viewer(String username, long organizationId, Role... roles) {
		return new PortalUser(userId(username), username, username, organizationId, "?", Set.of(roles));
	}

	private Case open(Category category, String reporter, String orgNumber, PaymentVoucher voucher) {
		long reporterId = userId(reporter);
		var request = new NewCase(category, "Emne", "Melding", voucher);
		return this.cases.saveAndFlush(Case.open(request, Channel.WEB, organizationId(orgNumber), reporterId,
				reporterId, Instant.now().truncatedTo(ChronoUnit.MICROS)));
	}

	@Test
	void aNewCaseGetsASixDigitIdAndKeepsItsVoucherFirstMessageAndHistory() {
		var voucher = new PaymentVoucher("40213", "Ærlig Øvre", "2026-03", new BigDecimal("12500.50"), null);
		Case saved = open(Category.PAYROLL, "kari", "910000004", voucher);
		this.cases.flush();

		Case found = this.cases.findById(saved.getId()).orElseThrow();
		assertThat(found.getId()).isGreaterThanOrEqualTo(100_000L);
		assertThat(found.getStatus()).isEqualTo(CaseStatus.ACTIVE);
		assertThat(found.getVoucher().getEmployeeName()).isEqualTo("Ærlig Øvre");
		assertThat(found.getVoucher().getAmount()).isEqualByComparingTo("12500.50");
		assertThat(found.getMessages()).singleElement().satisfies((m) -> {
			assertThat(m.getBody()).isEqualTo("Melding");
			assertThat(m.getAuthorSide()).isEqualTo(AuthorSide.CUSTOMER);
			assertThat(m.isInternal()).isFalse();
		});
		assertThat(found.getStatusHistory()).singleElement().satisfies((s) -> {
			assertThat(s.getFromStatus()).isNull();
			assertThat(s.getToStatus()).isEqualTo(CaseStatus.ACTIVE);
		});
	}

	@Test
	void theDatabaseRefusesAVoucherOnAnAccountingCase() {
		long reporter = userId("kari");
		long org = organizationId("910000004");
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update("""
				insert into support_case (category, channel, status, subject, organization_id, reporter_id,
				    voucher_employee_number, voucher_employee_name, voucher_pay_period, voucher_amount,
				    created_at, updated_at, activity_at)
				values ('ACCOUNTING', 'WEB', 'ACTIVE', 'x', ?, ?, '1', 'n', '2026-01', 1, now(), now(), now())""", org,
				reporter));
	}

	@ParameterizedTest
	@CsvSource({ "SALARY, WEB, ACTIVE", "PAYROLL, FAX, ACTIVE", "PAYROLL, WEB, OPEN" })
	void theDatabaseRefusesUnknownCategoryChannelAndStatus(String category, String channel, String status) {
		long reporter = userId("kari");
		long org = organizationId("910000004");
		assertThatExceptionOfType(DataIntegrityViolationException.class).isThrownBy(() -> this.jdbc.update("""
				insert into support_case (category, channel, status, subject, organization_id, reporter_id,
				    created_at, updated_at, activity_at) values (?, ?, ?, 'x', ?, ?, now(), now(), now())""", category,
				channel, status, org, reporter));
	}

	@Test
	void theAccessPolicyFiltersInTheDatabaseForEveryKindOfViewer() {
		long testetaten = organizationId("910000004");
		long centre = organizationId("974000008");
		Case karisPayroll = open(Category.PAYROLL, "kari", "910000004", null);
		Case karisAccounting = open(Category.ACCOUNTING, "kari", "910000004", null);
		Case persPayroll = open(Category.PAYROLL, "per", "911000008", null);

		var ola = viewer("ola", testetaten, Role.REPORTER);
		var lise = viewer("lise", testetaten, Role.PAYROLL_SPECIALIST);
		var rune = viewer("rune", testetaten, Role.ACCOUNTING_SPECIALIST);
		var siri = viewer("siri", centre, Role.PAYROLL_CASEWORKER);
		var admin = viewer("admin", centre, Role.ADMINISTRATOR);
		var nobody = viewer("ola", testetaten);

		assertThat(visible(ola)).doesNotContain(karisPayroll.getId(), karisAccounting.getId(), persPayroll.getId());
		assertThat(visible(lise)).contains(karisPayroll.getId())
			.doesNotContain(karisAccounting.getId(), persPayroll.getId());
		assertThat(visible(rune)).contains(karisAccounting.getId())
			.doesNotContain(karisPayroll.getId(), persPayroll.getId());
		assertThat(visible(siri)).contains(karisPayroll.getId(), persPayroll.getId())
			.doesNotContain(karisAccounting.getId());
		assertThat(visible(admin)).isEmpty();
		assertThat(visible(nobody)).isEmpty();
		assertThat(this.cases.count(CaseAccessPolicy.visibleTo(siri))).isEqualTo(
				this.jdbc.queryForObject("select count(*) from support_case where category = 'PAYROLL'", Long.class));
	}

	@Test
	void ownCasesComeMostRecentlyUpdatedFirst() {
		var kari = viewer("kari", organizationId("910000004"), Role.REPORTER);
		Case newest = open(Category.ACCOUNTING, "kari", "910000004", null);
		var page = this.cases.findAll(CaseAccessPolicy.visibleTo(kari).and(CaseAccessPolicy.reportedBy(kari)),
				PageRequest.of(0, 25, Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"))));
		assertThat(page.getContent().get(0).getId()).isEqualTo(newest.getId());
		assertThat(page.getContent()).extracting(Case::getUpdatedAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	private java.util.List<Long> visible(PortalUser viewer) {
		return this.cases.findAll(CaseAccessPolicy.visibleTo(viewer)).stream().map(Case::getId).toList();
	}

}
