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
import java.util.Set;
import org.peerpay.audit.AuditLog;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.operations.JobRestarts;
import org.peerpay.payroll.ExceptionHolds;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.system.OutputPaths;
import org.peerpay.system.OwnerOnlyFile;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.RejectedRow;
import org.peerpay.timesheets.TimesheetImporter;
import org.peerpay.users.Role;
import org.peerpay.users.Users;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * What a signed-in person does through the pages and the API alike, each done by the module's own use case and
 * recorded in the audit log (who, what, from where): the pages and the API are two faces of these, never two
 * copies. A refusal is a {@link UserFacingException} whose message says what to do; something the person may not
 * see is {@link NotFound}.
 */
@Component
class Actions {

    static final int REJECTS_SHOWN = 200;

    private final TimesheetImporter importer;
    private final JobRestarts restarts;
    private final BackgroundWork background;
    private final Exceptions exceptions;
    private final ExceptionHolds holds;
    private final Users users;
    private final Caseloads caseloads;
    private final PeerPayProperties properties;
    private final Clock clock;
    private final AuditLog audit;
    private final DataSize uploadLimit;

    Actions(TimesheetImporter importer, JobRestarts restarts, BackgroundWork background,
            Exceptions exceptions, ExceptionHolds holds, Users users, Caseloads caseloads,
            PeerPayProperties properties, Clock clock, AuditLog audit,
            @Value("${peerpay.web.upload-limit:20MB}") DataSize uploadLimit) {
        this.importer = importer;
        this.restarts = restarts;
        this.background = background;
        this.exceptions = exceptions;
        this.holds = holds;
        this.users = users;
        this.caseloads = caseloads;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
        this.uploadLimit = uploadLimit;
    }

    /** The most one uploaded file may hold ({@code peerpay.web.upload-limit}). */
    DataSize uploadLimit() {
        return uploadLimit;
    }

    /** Who acts, from where, and whose service users they may act for (null: everyone's). */
    record Who(String username, String address, Set<String> caseload) {
    }

    Who who(Principal principal, HttpServletRequest request) {
        return new Who(principal.getName(), request.getRemoteAddr(), caseloads.of(principal));
    }

    /** One uploaded file's outcome: what the import did, or why the file was refused whole. */
    record Upload(String fileName, ImportResult result, List<RejectedRow> rejects, String refusal) {
    }

    /**
     * Imports each uploaded file, as {@code peerpay import} does, keeping it as uploaded under
     * {@code <data>/uploads}; a file over the upload limit or refused whole is said so and the others go on.
     */
    List<Upload> upload(List<MultipartFile> files, Who who) {
        LocalDate asOf = LocalDate.now(clock);
        List<Upload> outcomes = new ArrayList<>();
        for (MultipartFile file : files) {
            String name = OutputPaths.name(file.getOriginalFilename() == null ? "upload.csv"
                    : Path.of(file.getOriginalFilename()).getFileName().toString());
            if (file.getSize() > uploadLimit.toBytes()) {
                audit.record(who.username(), "uploaded (too large)", name, who.address());
                outcomes.add(new Upload(name, null, List.of(), "it is larger than " + uploadLimit.toMegabytes()
                        + " MB, the most PeerPay takes in one file: split it into smaller files (by fortnight, say)"
                        + " and upload those"));
                continue;
            }
            Path saved = keep(file, name);
            try {
                ImportResult result = importer.importFile(saved, asOf, properties.outDir());
                audit.record(who.username(), "uploaded and imported", name + " (import " + result.importId()
                        + ": " + result.accepted() + " accepted, " + result.rejectedTotal() + " rejected)",
                        who.address());
                outcomes.add(new Upload(name, result, importer.rejectedRows(result.importId(), REJECTS_SHOWN),
                        null));
            } catch (CsvFileRefusedException refused) {
                audit.record(who.username(), "uploaded (refused)", name, who.address());
                outcomes.add(new Upload(name, null, List.of(), refused.getMessage()));
            }
        }
        return outcomes;
    }

    /** The uploaded bytes, kept as they came under a folder of their own (the import names rows by file). */
    private Path keep(MultipartFile file, String name) {
        try {
            Path folder = OutputPaths.under(properties.uploadsDir(), LocalDate.now(clock) + "-"
                    + OwnerOnlyFile.randomText(6));
            Files.createDirectories(folder);
            Path saved = folder.resolve(name);
            file.transferTo(saved);
            return saved;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the upload " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts the period's pay run in the background (or finishes its unfinished run): the same close as the command
     * line.
     *
     * @throws UserFacingException when the period is not one, or has not ended
     */
    BackgroundWork.Task startPayRun(String period, Who who) {
        PayPeriod payPeriod;
        try {
            payPeriod = PayPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
        PeriodClose.requireEnded(payPeriod, LocalDate.now(clock));
        BackgroundWork.Task task = payInBackground(payPeriod, who);
        audit.record(who.username(), "ran pay", payPeriod.id(), who.address());
        return task;
    }

    private BackgroundWork.Task payInBackground(PayPeriod period, Who who) {
        return background.start("Pay run of " + period.id(), who.username(), () -> restarts.closePeriod(period));
    }

    /**
     * Restarts a run that did not finish, by the use case that started it, from its last commit.
     *
     * @throws NotFound when there is no such run
     * @throws UserFacingException when it cannot be restarted, and why
     */
    BackgroundWork.Task restart(long id, Who who) {
        JobRestarts.Restart restart = restarts.plan(id).orElseThrow(NotFound::new);
        BackgroundWork.Task task = background.start(restart.what(), who.username(), restart.work());
        audit.record(who.username(), "restarted a job run", restart.run().job() + " run " + id + " ("
                + restart.run().subject() + ")", who.address());
        return task;
    }

    /**
     * @throws UserFacingException when the note is blank
     * @throws NotFound when there is no such exception for them, or it is acknowledged already
     */
    void acknowledge(long exceptionId, String note, Who who) {
        if (note == null || note.isBlank()) {
            throw new UserFacingException("Say what was done about it, or why nothing needs doing");
        }
        if (!exceptions.acknowledge(exceptionId, who.username(), note.strip(), who.caseload())) {
            throw new NotFound();
        }
        audit.record(who.username(), "acknowledged an exception", "exception " + exceptionId + ": " + note.strip(),
                who.address());
    }

    /**
     * Holds the unpaid shifts the exception is about; returns how many.
     *
     * @throws UserFacingException when none is left unpaid to hold
     * @throws NotFound when there is no such exception for them, or it is held already
     */
    int hold(long exceptionId, Who who) {
        int held = holds.hold(exceptionId, who.username(), who.caseload()).orElseThrow(NotFound::new);
        audit.record(who.username(), "held shifts", "exception " + exceptionId + ": " + held + " shift(s)",
                who.address());
        return held;
    }

    /** Releases what was held for the exception; returns how many. @throws NotFound when nothing is held for it */
    int release(long exceptionId, Who who) {
        int released = holds.release(exceptionId, who.username(), who.caseload()).orElseThrow(NotFound::new);
        audit.record(who.username(), "released a hold", "exception " + exceptionId + ": " + released
                + " shift(s)", who.address());
        return released;
    }

    /** @throws UserFacingException when the name or password will not do, and why */
    void addUser(String username, Role role, char[] password, Who who) {
        users.add(username.strip(), role, password);
        audit.record(who.username(), "added a user", username.strip() + " (" + role.name().toLowerCase() + ")",
                who.address());
    }

    /** @throws UserFacingException when the user is not a coordinator or a ref is unknown */
    void setCaseload(String username, Set<String> refs, Who who) {
        users.setCaseload(username, refs);
        audit.record(who.username(), "set a caseload", username + ": " + (refs.isEmpty() ? "none"
                : String.join(", ", refs)), who.address());
    }

    void downloaded(String what, Who who) {
        audit.record(who.username(), "downloaded", what, who.address());
    }
}
