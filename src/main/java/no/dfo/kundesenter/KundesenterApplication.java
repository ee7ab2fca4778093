package no.dfo.kundesenter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class KundesenterApplication {

	public static void main(String[] args) {
		SpringApplication.run(KundesenterApplication.class, args);
	}

}
