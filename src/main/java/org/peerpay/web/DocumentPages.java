package org.peerpay.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.peerpay.budgets.BudgetStatement;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.payroll.PayslipFiles;
import org.peerpay.system.OutputPaths;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.ZipOfFiles;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The documents the runs wrote, to download: payslips for finance staff (one PDF, or a zip of a period's or of one
 * service user's in it), budget statements for whoever may see the service user (one PDF, or a zip of the
 * period's, a coordinator's holding only their caseload's). Each download is in the audit log.
 */
@Controller
class DocumentPages {

    private final PayslipFiles payslips;
    private final BudgetStatements statements;
    private final PeerPayProperties properties;
    private final Caseloads caseloads;
    private final Actions actions;

    DocumentPages(PayslipFiles payslips, BudgetStatements statements, PeerPayProperties properties,
                  Caseloads caseloads, Actions actions) {
        this.payslips = payslips;
        this.statements = statements;
        this.properties = properties;
        this.caseloads = caseloads;
        this.actions = actions;
    }

    @GetMapping("/finance/payslips")
    String payslipList(@RequestParam String period, Model model) {
        PayPeriod payPeriod = periodOrNotFound(period);
        model.addAttribute("period", payPeriod);
        model.addAttribute("payslips", payslips.of(payPeriod, properties.outDir()));
        return "finance/payslips";
    }

    @GetMapping("/finance/payslips/{id}.pdf")
    ResponseEntity<FileSystemResource> payslip(@PathVariable long id, Principal principal,
                                               HttpServletRequest request) {
        PayslipFiles.PayslipFile payslip = payslips.find(id, properties.outDir()).orElseThrow(NotFound::new);
        ResponseEntity<FileSystemResource> pdf = file(payslip.file(), payslip.serviceUserRef() + "-"
                + payslip.mentorRef() + "-" + payslip.periodId().replace('/', '-')
                + (payslip.run() > 1 ? "-run" + payslip.run() : "") + ".pdf", MediaType.APPLICATION_PDF);
        actions.downloaded("payslip " + id + " (" + payslip.periodId() + ", " + payslip.serviceUserRef() + ", "
                + payslip.mentorRef() + ")", actions.who(principal, request));
        return pdf;
    }

    /** The period's payslips in one zip, or one service user's with {@code serviceUser}. */
    @GetMapping("/finance/payslips.zip")
    void payslipZip(@RequestParam String period, @RequestParam(required = false) String serviceUser,
                    Principal principal, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        PayPeriod payPeriod = periodOrNotFound(period);
        List<Path> files = payslips.of(payPeriod, properties.outDir()).stream()
                .filter(p -> serviceUser == null || p.serviceUserRef().equals(serviceUser))
                .map(PayslipFiles.PayslipFile::file).toList();
        if (files.isEmpty()) {
            throw new NotFound();
        }
        String name = "payslips-" + payPeriod.id().replace('/', '-') + (serviceUser == null ? ""
                : "-" + OutputPaths.name(serviceUser));
        zip(response, name, PayslipFiles.directory(properties.outDir(), payPeriod), files,
                principal, request, "payslips of " + payPeriod.id() + (serviceUser == null ? "" : " for "
                        + serviceUser));
    }

    @GetMapping("/budgets/statements/{ref}.pdf")
    ResponseEntity<FileSystemResource> statement(@PathVariable String ref, @RequestParam String period,
                                                 Principal principal, HttpServletRequest request) {
        PayPeriod payPeriod = periodOrNotFound(period);
        Set<String> caseload = caseloads.of(principal);
        if (caseload != null && !caseload.contains(ref)) {
            throw new NotFound();
        }
        ResponseEntity<FileSystemResource> pdf = file(BudgetStatements.pdf(properties.outDir(), payPeriod, ref),
                "statement-" + OutputPaths.name(ref) + "-" + payPeriod.id().replace('/', '-') + ".pdf",
                MediaType.APPLICATION_PDF);
        actions.downloaded("statement of " + ref + " for " + payPeriod.id(), actions.who(principal, request));
        return pdf;
    }

    /** The period's statements the user may see, in one zip; with the period's statements.csv for those who see all. */
    @GetMapping("/budgets/statements.zip")
    void statementZip(@RequestParam String period, Principal principal, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        PayPeriod payPeriod = periodOrNotFound(period);
        Set<String> caseload = caseloads.of(principal);
        Path directory = BudgetStatements.directory(properties.outDir(), payPeriod);
        List<Path> files = new java.util.ArrayList<>(statements.forPeriod(payPeriod).stream()
                .map(BudgetStatement::serviceUserRef)
                .filter(ref -> caseload == null || caseload.contains(ref))
                .map(ref -> BudgetStatements.pdf(properties.outDir(), payPeriod, ref)).toList());
        if (caseload == null) {
            files.add(0, directory.resolve("statements.csv"));
        }
        if (files.stream().noneMatch(Files::isRegularFile)) {
            throw new NotFound();
        }
        zip(response, "statements-" + payPeriod.id().replace('/', '-'), directory, files, principal, request,
                "statements of " + payPeriod.id());
    }

    private void zip(HttpServletResponse response, String name, Path base, Collection<Path> files,
                     Principal principal, HttpServletRequest request, String what) throws IOException {
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".zip")
                .build().toString());
        int written = ZipOfFiles.write(base, files, response.getOutputStream());
        actions.downloaded(what + " (zip of " + written + " files)", actions.who(principal, request));
    }

    private static ResponseEntity<FileSystemResource> file(Path file, String name, MediaType type) {
        if (!Files.isRegularFile(file)) {
            throw new NotFound();
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString())
                .contentType(type)
                .body(new FileSystemResource(file));
    }

    private static PayPeriod periodOrNotFound(String period) {
        try {
            return PayPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }
}
