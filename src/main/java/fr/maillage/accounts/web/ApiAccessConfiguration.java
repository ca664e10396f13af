package fr.maillage.accounts.web;

import fr.maillage.accounts.Accounts;

import fr.maillage.accounts.AdminToken;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class ApiAccessConfiguration implements WebMvcConfigurer {

	private final AdminToken adminToken;

	private final ObjectMapper json;

	private final Accounts accounts;

	ApiAccessConfiguration(AdminToken adminToken, Accounts accounts, ObjectMapper json) {
		this.adminToken = adminToken;
		this.accounts = accounts;
		this.json = json;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ApiAccessInterceptor(adminToken, accounts, json)).addPathPatterns("/api/**");
	}

}
