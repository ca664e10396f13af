package fr.maillage.places.web;

import java.util.List;

import fr.maillage.places.ErrorReport;
import fr.maillage.places.ErrorReports;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Error reports waiting for moderation, until issue 6 gives coordinators their queue.
 * Administrators only.
 */
@RestController
class ErrorReportApiController {

	private final ErrorReports reports;

	ErrorReportApiController(ErrorReports reports) {
		this.reports = reports;
	}

	@GetMapping(path = "/api/v1/signalements", produces = MediaType.APPLICATION_JSON_VALUE)
	List<ErrorReport> pending() {
		return reports.listPending();
	}

}
