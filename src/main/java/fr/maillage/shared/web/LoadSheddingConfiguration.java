package fr.maillage.shared.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link LoadShedding} before the security filters and the session lookup, so
 * that a request turned away costs neither a database connection nor a session read.
 */
@Configuration(proxyBeanMethods = false)
class LoadSheddingConfiguration {

	/** Before Spring Session's filter ({@code Integer.MIN_VALUE + 50}) and security. */
	static final int ORDER = Integer.MIN_VALUE + 20;

	@Bean
	FilterRegistrationBean<LoadShedding> loadShedding(@Value("${maillage.charge.simultanees:8}") int concurrent,
			@Value("${maillage.charge.file:32}") int queue,
			@Value("${maillage.charge.attente-max:1s}") Duration maxWait, WebProperties web) {
		FilterRegistrationBean<LoadShedding> registration = new FilterRegistrationBean<>(new LoadShedding(concurrent,
				queue, maxWait, new StaticResourceLinks.StaticPaths(web.getResources().getStaticLocations())));
		registration.setOrder(ORDER);
		return registration;
	}

}
