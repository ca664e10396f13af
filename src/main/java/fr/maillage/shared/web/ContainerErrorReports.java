package fr.maillage.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.HtmlUtils;

/**
 * Errors Tomcat answers itself, before the application sees the request (an address with
 * an encoded zero byte {@code /lieux/%00}, a malformed escape, characters the HTTP parser
 * refuses), and the last resort when the error page itself fails: Tomcat's English "HTTP
 * Status 400 – Bad Request" report is replaced by the API's {@link ApiError} JSON under
 * {@code /api/}, a plain French page elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorReports {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> frenchContainerErrors() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				// Boot adds a plain report valve (server.error.include-stacktrace); the
				// host
				// would add one at start unless one of its configured class is present
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.setErrorReportValveClass(FrenchErrorReportValve.class.getName());
				host.getPipeline().addValve(new FrenchErrorReportValve());
			}
		});
	}

	/** Tomcat's report valve, writing what the application's error pages would. */
	public static class FrenchErrorReportValve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean writable = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
			if (!writable.get()) {
				return;
			}
			ErrorDescriptions.Description description = status == 400
					? new ErrorDescriptions.Description(org.springframework.http.HttpStatus.BAD_REQUEST,
							"requete_mal_formee",
							"La requête est mal formée : l'adresse ou un en-tête contient des caractères refusés.")
					: ErrorDescriptions.ofStatus(status);
			String uri = request.getRequestURI();
			boolean api = uri != null && (uri.equals("/api") || uri.startsWith("/api/"));
			try {
				response.setContentType(api ? "application/json;charset=UTF-8" : "text/html;charset=UTF-8");
				Writer writer = response.getReporter();
				if (writer == null) {
					return;
				}
				writer.write(api ? json(description) : html(description));
				response.finishResponse();
			}
			catch (IOException | IllegalStateException e) {
				// the client is gone or the response cannot be written: nothing to add
			}
		}

		private static String json(ErrorDescriptions.Description description) {
			return "{\"statut\":" + description.status().value() + ",\"code\":\"" + description.code()
					+ "\",\"message\":\"" + description.message().replace("\\", "\\\\").replace("\"", "\\\"")
					+ "\",\"details\":[]}";
		}

		private static String html(ErrorDescriptions.Description description) {
			String message = HtmlUtils.htmlEscape(description.message(), "UTF-8");
			return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Demande refusée — Maillage"
					+ "</title></head><body><main id=\"contenu\"><h1>Demande refusée</h1><p>" + message
					+ "</p><p><a href=\"/\">Accueil</a></p></main></body></html>";
		}

	}

}
