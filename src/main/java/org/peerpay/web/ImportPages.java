package org.peerpay.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.peerpay.audit.AuditLog;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.system.OutputPaths;
import org.peerpay.system.OwnerOnlyFile;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.RejectedRow;
import org.peerpay.timesheets.TimesheetImporter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.unit.DataSize;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Finance staff upload timesheet files and read what the import did: the same importer as {@code peerpay import},
 * each file kept under {@code <data>/uploads} as uploaded, each upload and download in the audit log.
 */
@Controller
class ImportPages {

    static final int REJECTS_SHOWN = 200;

    private final TimesheetImporter importer;
    private final PeerPayProperties properties;
    private final Clock clock;
    private final AuditLog audit;
    private final DataSize uploadLimit;

    ImportPages(TimesheetImporter importer, PeerPayProperties properties, Clock clock, AuditLog audit,
                @Value("${peerpay.web.upload-limit:20MB}") DataSize uploadLimit) {
        this.importer = importer;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
        this.uploadLimit = uploadLimit;
    }

    /** One file's outcome: what the import did, or why the file was refused whole. */
    record Outcome(String fileName, ImportResult result, List<RejectedRow> rejects, String refusal) {
    }

    @GetMapping("/finance/imports")
    String uploadForm() {
        return "finance/upload";
    }

    @PostMapping("/finance/imports")
    String upload(@RequestParam("files") List<MultipartFile> files, Principal principal, HttpServletRequest request,
                  Model model) {
        List<MultipartFile> chosen = files.stream().filter(file -> !file.isEmpty()).toList();
        if (chosen.isEmpty()) {
            model.addAttribute("problem", "Choose one or more timesheet CSV files to upload");
            return "finance/upload";
        }
        LocalDate asOf = LocalDate.now(clock);
        List<Outcome> outcomes = new ArrayList<>();
        for (MultipartFile file : chosen) {
            String name = OutputPaths.name(file.getOriginalFilename() == null ? "upload.csv"
                    : Path.of(file.getOriginalFilename()).getFileName().toString());
            if (file.getSize() > uploadLimit.toBytes()) {
                audit.record(principal.getName(), "uploaded (too large)", name, request.getRemoteAddr());
                outcomes.add(new Outcome(name, null, List.of(), "it is larger than " + uploadLimit.toMegabytes()
                        + " MB, the most PeerPay takes in one file: split it into smaller files (by fortnight, say)"
                        + " and upload those"));
                continue;
            }
            Path saved = keep(file, name);
            try {
                ImportResult result = importer.importFile(saved, asOf, properties.outDir());
                audit.record(principal.getName(), "uploaded and imported", name + " (import " + result.importId()
                        + ": " + result.accepted() + " accepted, " + result.rejectedTotal() + " rejected)",
                        request.getRemoteAddr());
                outcomes.add(new Outcome(name, result, importer.rejectedRows(result.importId(), REJECTS_SHOWN),
                        null));
            } catch (CsvFileRefusedException refused) {
                audit.record(principal.getName(), "uploaded (refused)", name, request.getRemoteAddr());
                outcomes.add(new Outcome(name, null, List.of(), refused.getMessage()));
            }
        }
        model.addAttribute("outcomes", outcomes);
        return "finance/import-result";
    }

    @GetMapping("/finance/imports/{importId}")
    String result(@PathVariable long importId, Model model) {
        ImportResult result = importer.resultOf(importId, properties.outDir()).orElseThrow(NotFound::new);
        model.addAttribute("outcomes", List.of(new Outcome(result.fileName(), result,
                importer.rejectedRows(importId, REJECTS_SHOWN), null)));
        return "finance/import-result";
    }

    @GetMapping("/finance/imports/{importId}/rejects.csv")
    ResponseEntity<FileSystemResource> rejects(@PathVariable long importId, Principal principal,
                                               HttpServletRequest request) {
        ImportResult result = importer.resultOf(importId, properties.outDir()).orElseThrow(NotFound::new);
        if (result.rejectsFile() == null || Files.notExists(result.rejectsFile())) {
            throw new NotFound();
        }
        audit.record(principal.getName(), "downloaded", "rejected rows of " + result.fileName() + " (import "
                + importId + ")", request.getRemoteAddr());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(result.rejectsFile().getFileName().toString()).build().toString())
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .body(new FileSystemResource(result.rejectsFile()));
    }

    /** The uploaded bytes, kept as they came under a folder of their own (the import names rows by file). */
    private Path keep(MultipartFile file, String name) {
        try {
            Path folder = OutputPaths.under(properties.dataDir(), "uploads", LocalDate.now(clock) + "-"
                    + OwnerOnlyFile.randomText(6));
            Files.createDirectories(folder);
            Path saved = folder.resolve(name);
            file.transferTo(saved);
            return saved;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the upload " + name + ": " + e.getMessage(), e);
        }
    }
}
