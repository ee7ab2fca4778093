package no.dfo.kundesenter.config;

import java.util.List;

/**
 * The people the demo's OpenID provider lets a newcomer sign in as: the demo users by
 * their (synthetic) national identity numbers, which db/demo/R__demo_identities.sql knows
 * by their keyed hashes, a person the portal does not know yet, and one who signs in on
 * too low a level of assurance.
 */
final class DemoIdentities {

	record Identity(String subject, String pid, String name, String description, String acr) {
	}

	static final List<Identity> ALL = List.of(
			new Identity("demo-kari", "15887000111", "Kari Nordmann", "innmelder i Testetaten", "substantial"),
			new Identity("demo-ola", "15887000222", "Ola Nordmann", "innmelder i Testetaten", "substantial"),
			new Identity("demo-lise", "15887000333", "Lise Lønn", "fagbruker lønn i Testetaten", "substantial"),
			new Identity("demo-rune", "15887000444", "Rune Regnskap", "fagbruker regnskap i Testetaten", "substantial"),
			new Identity("demo-per", "15887000555", "Per Hansen", "innmelder i Prøvedirektoratet", "substantial"),
			new Identity("demo-siri", "15887000666", "Siri Saksbehandler", "saksbehandler lønn", "substantial"),
			new Identity("demo-sverre", "15887000777", "Sverre Saksbehandler", "saksbehandler regnskap", "substantial"),
			new Identity("demo-admin", "15887000888", "Anne Admin", "administrator", "substantial"),
			new Identity("demo-nina", "15887000999", "Nina Ny", "uten rolle ennå", "substantial"),
			new Identity("demo-ukjent", "15887000000", "Una Ukjent", "ukjent for portalen: bestiller tilgang",
					"substantial"),
			new Identity("demo-lav", "15887000111", "Kari Nordmann", "på for lavt sikkerhetsnivå (avvises)", "low"));

	private DemoIdentities() {
	}

}
