package no.dfo.kundesenter.cases.registration;

import java.util.List;
import java.util.Map;

import no.dfo.kundesenter.access.PortalUser;
import no.dfo.kundesenter.cases.Category;
import no.dfo.kundesenter.cases.Channel;
import no.dfo.kundesenter.cases.core.CaseFixtures;
import no.dfo.kundesenter.cases.core.NewCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every channel registers through the one path: the same audit entry and rules for who
 * registers for whom.
 */
@SpringBootTest
class ChannelRulesTests {

	@Autowired
	CaseRegistration registration;

	@Autowired
	CaseFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void everyChannelLeavesTheSameAuditEntryByWhoeverRegistered() {
		PortalUser kari = this.fixtures.user("kari");
		PortalUser siri = this.fixtures.user("siri");
		long web = this.registration.register(new NewCase(Category.ACCOUNTING, "Faktura", "Ikke betalt", null),
				Channel.WEB, kari.id(), kari);
		long phone = this.registration.register(new NewCase(Category.PAYROLL, "Ringte", "Notert", null), Channel.PHONE,
				kari.id(), siri);
		assertThat(audit(web))
			.containsExactly(Map.of("actor_id", kari.id(), "detail", "channel=WEB category=ACCOUNTING"));
		assertThat(audit(phone))
			.containsExactly(Map.of("actor_id", siri.id(), "detail", "channel=PHONE category=PAYROLL"));
		assertThat(this.jdbc.queryForObject("select organization_id from support_case where id = ?", Long.class, phone))
			.isEqualTo(kari.organizationId());
	}

	@Test
	void inThePortalNobodyRegistersForSomeoneElse() {
		PortalUser kari = this.fixtures.user("kari");
		PortalUser ola = this.fixtures.user("ola");
		long before = cases();
		assertThatIllegalArgumentException().isThrownBy(() -> this.registration
			.register(new NewCase(Category.PAYROLL, "For Ola", "Tekst", null), Channel.WEB, ola.id(), kari));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.registration.register(new NewCase(Category.PAYROLL, "Saksbehandler", "Tekst", null),
					Channel.WEB, ola.id(), this.fixtures.user("siri")));
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aPhoneCaseIsWrittenDownByACaseworkerOfItsCategoryForAnAgencyPerson() {
		PortalUser sverre = this.fixtures.user("sverre");
		PortalUser siri = this.fixtures.user("siri");
		PortalUser kari = this.fixtures.user("kari");
		long before = cases();
		assertThatIllegalArgumentException().isThrownBy(() -> this.registration
			.register(new NewCase(Category.PAYROLL, "Lønn", "Tekst", null), Channel.PHONE, kari.id(), sverre));
		assertThatIllegalArgumentException().isThrownBy(() -> this.registration
			.register(new NewCase(Category.PAYROLL, "Lønn", "Tekst", null), Channel.PHONE, sverre.id(), siri));
		assertThatIllegalArgumentException().isThrownBy(() -> this.registration
			.register(new NewCase(Category.PAYROLL, "Lønn", "Tekst", null), Channel.PHONE, kari.id(), kari));
		assertThat(cases()).isEqualTo(before);
	}

	private List<Map<String, Object>> audit(long caseId) {
		return this.jdbc.queryForList(
				"select actor_id, detail from audit_event where case_id = ? and action = 'CASE_REGISTERED'", caseId);
	}

	private long cases() {
		return this.jdbc.queryForObject("select count(*) from support_case", Long.class);
	}

}
