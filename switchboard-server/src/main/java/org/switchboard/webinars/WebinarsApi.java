package org.switchboard.webinars;

import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.switchboard.access.Access;
import org.switchboard.access.ImportAdminOnly;
import org.switchboard.access.WebexAdminOnly;
import org.switchboard.access.WebexUserOnly;
import org.switchboard.platform.errors.ProblemException;

/** Webinars (api.md "Webinars"): the import mappings (Webex Admin), the user's webinars, and imports. */
@RestController
class WebinarsApi {

	private final Webinars webinars;
	private final ImportMappings mappings;
	private final ImportJobs jobs;
	private final ImportPermission permission;
	private final ImportProgress progress;
	private final ImportReport report;

	WebinarsApi(Webinars webinars, ImportMappings mappings, ImportJobs jobs, ImportPermission permission, ImportProgress progress,
			ImportReport report) {
		this.webinars = webinars;
		this.mappings = mappings;
		this.jobs = jobs;
		this.permission = permission;
		this.progress = progress;
		this.report = report;
	}

	@GetMapping("/api/admin/webinars/mappings")
	@WebexAdminOnly
	Map<String, List<ImportMapping>> mappings() {
		return Map.of("mappings", mappings.all());
	}

	@PutMapping("/api/admin/webinars/mappings/{object}")
	@WebexAdminOnly
	ImportMapping saveMapping(@PathVariable String object, @RequestBody(required = false) ImportMapping mapping,
			@RequestParam(defaultValue = "false") boolean confirm) {
		if (mapping == null) {
			throw ProblemException.badRequest("A mapping is required: primaryKey, insertNewPerWebinar, mergePolicy, campaignLink, fields");
		}
		return mappings.save(object, mapping, confirm, Access.currentUserId());
	}

	@DeleteMapping("/api/admin/webinars/mappings/{object}")
	@WebexAdminOnly
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteMapping(@PathVariable String object) {
		mappings.delete(object);
	}

	@GetMapping("/api/webinars")
	@WebexUserOnly
	Map<String, List<WebinarView>> list(@RequestParam(required = false) String when) {
		String userId = Access.currentUserId();
		return Map.of("webinars", webinars.list(userId, when).stream().map(w -> w.withCounts(webinars.counts(userId, w.webinarId()))).toList());
	}

	@PostMapping("/api/webinars/{webinarId}/imports")
	@ImportAdminOnly
	ResponseEntity<Map<String, String>> startImport(@PathVariable String webinarId, @RequestBody(required = false) ImportRequest request) {
		ImportJob job = webinars.startImport(Access.currentUser().orElseThrow(), webinarId, request);
		return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/api/imports/" + job.importId()).body(Map.of("importId", job.importId()));
	}

	@GetMapping("/api/imports/{importId}")
	@ImportAdminOnly
	ImportJob job(@PathVariable String importId) {
		return visible(importId);
	}

	@GetMapping(path = "/api/imports/{importId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ImportAdminOnly
	SseEmitter events(@PathVariable String importId) {
		return progress.stream(visible(importId));
	}

	/** Written straight to the response: a download whatever the client's Accept header says. */
	@GetMapping("/api/imports/{importId}/report.csv")
	@ImportAdminOnly
	void report(@PathVariable String importId, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		visible(importId);
		byte[] csv = report.csv(importId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("webinar-import-" + importId + ".csv").build().toString());
		response.setContentLength(csv.length);
		response.getOutputStream().write(csv);
	}

	/** An import those allowed to import may see (404 for an unknown id, 403 for users the settings leave out). */
	private ImportJob visible(String importId) {
		permission.check(Access.currentUser().orElse(null));
		return jobs.find(importId).orElseThrow(() -> ProblemException.notFound("No import " + importId));
	}
}
