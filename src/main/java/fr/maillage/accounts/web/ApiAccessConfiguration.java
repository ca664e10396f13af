package fr.maillage.accounts.web;

import fr.maillage.accounts.AdminToken;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class ApiAccessConfiguration implements WebMvcConfigurer {

	private final AdminToken adminToken;

	private final ObjectMapper json;

	ApiAccessConfiguration(AdminToken adminToken, ObjectMapper json) {
		this.adminToken = adminToken;
		this.json = json;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ApiAccessInterceptor(adminToken, json)).addPathPatterns("/api/**");
	}

}
