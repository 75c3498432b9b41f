package org.peerpay.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.operations.NightlyRuns;
import org.peerpay.payroll.PayRuns;
import org.peerpay.payroll.PayslipFiles;
import org.peerpay.system.JobRuns;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.TimesheetImporter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The finance pages as JSON: uploads and their results, pay periods, pay runs, job runs and payslips. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Finance", description = "Timesheet imports, pay runs and their progress, payslips (finance and admin)")
class FinanceApi {

    private final Actions actions;
    private final TimesheetImporter importer;
    private final PayRuns payRuns;
    private final JobRuns jobRuns;
    private final BackgroundWork background;
    private final PayslipFiles payslips;
    private final PeerPayProperties properties;
    private final Clock clock;
    private final NightlyRuns nightlyRuns;

    FinanceApi(Actions actions, TimesheetImporter importer, PayRuns payRuns, JobRuns jobRuns,
               BackgroundWork background, PayslipFiles payslips, PeerPayProperties properties, Clock clock,
               NightlyRuns nightlyRuns) {
        this.nightlyRuns = nightlyRuns;
        this.actions = actions;
        this.importer = importer;
        this.payRuns = payRuns;
        this.jobRuns = jobRuns;
        this.background = background;
        this.payslips = payslips;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Upload and import timesheet CSV files (multipart, field 'files'); each file's outcome")
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    List<ApiJson.Import> upload(@RequestParam("files") List<MultipartFile> files, Principal principal,
                                HttpServletRequest request) {
        List<MultipartFile> chosen = files.stream().filter(file -> !file.isEmpty()).toList();
        if (chosen.isEmpty()) {
            throw new UserFacingException("Send one or more timesheet CSV files in the multipart field 'files'.");
        }
        return actions.upload(chosen, actions.who(principal, request)).stream().map(ApiJson.Import::of).toList();
    }

    @Operation(summary = "What an import did: accepted, rejected by reason with the first rejected rows")
    @GetMapping("/imports/{importId}")
    ApiJson.Import importResult(@PathVariable long importId) {
        ImportResult result = importer.resultOf(importId, properties.outDir()).orElseThrow(NotFound::new);
        return ApiJson.Import.of(new Actions.Upload(result.fileName(), result,
                importer.rejectedRows(importId, Actions.REJECTS_SHOWN), null));
    }

    @Operation(summary = "Pay periods ended and not yet paid, and the recent pay runs")
    @GetMapping("/pay-periods")
    ApiJson.PayPeriods payPeriods() {
        return new ApiJson.PayPeriods(payRuns.periodsDue(LocalDate.now(clock)).stream().map(ApiJson.Period::of)
                .toList(), payRuns.recentRuns(50).stream().map(ApiJson.Run::of).toList());
    }

    @Operation(summary = "Start the pay run of an ended period, in the background; follow it at /api/jobs")
    @PostMapping(path = "/pay-runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ApiJson.Task> startPayRun(@RequestBody ApiJson.PayRunRequest body, Principal principal,
                                             HttpServletRequest request) {
        BackgroundWork.Task task = actions.startPayRun(body.period() == null ? "" : body.period(),
                actions.who(principal, request));
        return ResponseEntity.accepted().location(URI.create("/api/jobs")).body(ApiJson.Task.of(task));
    }

    @Operation(summary = "Work started here and what it came to, and the job runs with their progress")
    @GetMapping("/jobs")
    ApiJson.Jobs jobs() {
        return new ApiJson.Jobs(background.tasks().stream().map(ApiJson.Task::of).toList(),
                jobRuns.recent(JobPages.SHOWN).stream().map(ApiJson.JobRun::of).toList());
    }

    @Operation(summary = "The nightly runs, newest first, and when the next is due (null when not scheduled here)")
    @GetMapping("/nightly")
    ApiJson.Nightly nightly() {
        return new ApiJson.Nightly(nightlyRuns.next(), nightlyRuns.recent().stream()
                .map(ApiJson.NightlyRun::of).toList());
    }

    @Operation(summary = "One job run and its progress")
    @GetMapping("/jobs/{id}")
    ApiJson.JobRun job(@PathVariable long id) {
        return ApiJson.JobRun.of(jobRuns.find(id).orElseThrow(NotFound::new));
    }

    @Operation(summary = "Restart a run that did not finish, from its last commit, in the background")
    @PostMapping("/jobs/{id}/restart")
    ResponseEntity<ApiJson.Task> restart(@PathVariable long id, Principal principal, HttpServletRequest request) {
        BackgroundWork.Task task = actions.restart(id, actions.who(principal, request));
        return ResponseEntity.accepted().location(URI.create("/api/jobs")).body(ApiJson.Task.of(task));
    }

    @Operation(summary = "A paid period's payslips, each with the address of its PDF")
    @GetMapping("/payslips")
    List<ApiJson.Payslip> payslips(@RequestParam String period) {
        PayPeriod payPeriod;
        try {
            payPeriod = PayPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
        return payslips.of(payPeriod, properties.outDir()).stream().map(ApiJson.Payslip::of).toList();
    }
}
