package org.peerpay.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.security.Principal;
import java.util.List;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.TimesheetImporter;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Finance staff upload timesheet files and read what the import did: the same importer as {@code peerpay import}
 * ({@link Actions#upload}), each upload and download in the audit log.
 */
@Controller
class ImportPages {

    private final Actions actions;
    private final TimesheetImporter importer;
    private final PeerPayProperties properties;

    ImportPages(Actions actions, TimesheetImporter importer, PeerPayProperties properties) {
        this.actions = actions;
        this.importer = importer;
        this.properties = properties;
    }

    @ModelAttribute("uploadLimitMb")
    long uploadLimitMb() {
        return actions.uploadLimit().toMegabytes();
    }

    @GetMapping("/finance/imports")
    String uploadForm() {
        return "finance/upload";
    }

    @PostMapping("/finance/imports")
    String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files, Principal principal,
                  HttpServletRequest request, Model model) {
        List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(file -> !file.isEmpty())
                .toList();
        if (chosen.isEmpty()) {
            model.addAttribute("problem", "Choose one or more timesheet CSV files to upload");
            return "finance/upload";
        }
        model.addAttribute("outcomes", actions.upload(chosen, actions.who(principal, request)));
        return "finance/import-result";
    }

    @GetMapping("/finance/imports/{importId}")
    String result(@PathVariable long importId, Model model) {
        ImportResult result = importer.resultOf(importId, properties.outDir()).orElseThrow(NotFound::new);
        model.addAttribute("outcomes", List.of(new Actions.Upload(result.fileName(), result,
                importer.rejectedRows(importId, Actions.REJECTS_SHOWN), null)));
        return "finance/import-result";
    }

    @GetMapping({"/finance/imports/{importId}/rejects.csv", "/api/imports/{importId}/rejects.csv"})
    ResponseEntity<FileSystemResource> rejects(@PathVariable long importId, Principal principal,
                                               HttpServletRequest request) {
        ImportResult result = importer.resultOf(importId, properties.outDir()).orElseThrow(NotFound::new);
        if (result.rejectsFile() == null || Files.notExists(result.rejectsFile())) {
            throw new NotFound();
        }
        actions.downloaded("rejected rows of " + result.fileName() + " (import " + importId + ")",
                actions.who(principal, request));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(result.rejectsFile().getFileName().toString()).build().toString())
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .body(new FileSystemResource(result.rejectsFile()));
    }
}
