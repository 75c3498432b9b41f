package org.peerpay.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.exceptions.Exceptions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DeferredCsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coordinator pages as JSON: budgets, one service user's budget, statements, and the exceptions queue with its
 * actions. A coordinator gets their caseload's only; another's service user is not found.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Budgets", description = "Budgets, statements and exceptions (a coordinator's caseload, or all)")
class BudgetApi {

    private final BudgetViews views;
    private final BudgetStatements statements;
    private final Exceptions exceptions;
    private final Caseloads caseloads;
    private final Actions actions;

    BudgetApi(BudgetViews views, BudgetStatements statements, Exceptions exceptions, Caseloads caseloads,
              Actions actions) {
        this.views = views;
        this.statements = statements;
        this.exceptions = exceptions;
        this.caseloads = caseloads;
        this.actions = actions;
    }

    /**
     * The token as the {@code XSRF-TOKEN} cookie holds it, which is what the header must carry (the request's own
     * token attribute is masked afresh for each form, and a header is checked against the cookie as it is).
     */
    @Operation(summary = "Who is signed in, and the CSRF token to send (in the header named) with each POST or PUT")
    @GetMapping("/session")
    ApiJson.Session session(Principal principal, HttpServletRequest request) {
        String role = principal instanceof org.springframework.security.core.Authentication signedIn
                ? signedIn.getAuthorities().stream().map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                        .findFirst().orElse(null) : null;
        CsrfToken csrf = ((DeferredCsrfToken) request.getAttribute(DeferredCsrfToken.class.getName())).get();
        return new ApiJson.Session(principal.getName(), role, csrf.getHeaderName(), csrf.getToken());
    }

    @Operation(summary = "Budgets over a paid period (the latest by default): filter by flag or text, sort by a"
            + " column (ref, name, allocation, funded, spent, balance, weeks, hours), order asc or desc")
    @GetMapping("/budgets")
    ApiJson.Budgets budgets(@RequestParam(required = false) String period,
                            @RequestParam(required = false) String flag, @RequestParam(required = false) String q,
                            @RequestParam(required = false) String sort, @RequestParam(required = false) String order,
                            Principal principal) {
        BudgetViews.Choice choice = views.choose(period, flag, q, sort, order, principal);
        if (choice.period() == null && period != null && !period.isBlank()) {
            throw new NotFound();
        }
        return new ApiJson.Budgets(choice.period() == null ? null : choice.period().id(),
                choice.rows().stream().map(ApiJson.Budget::of).toList());
    }

    @Operation(summary = "One service user's budget: allocation, balance by day, spend by period, employments,"
            + " statements and exceptions")
    @GetMapping("/budgets/{ref}")
    ApiJson.ServiceUser serviceUser(@PathVariable String ref, Principal principal) {
        return ApiJson.ServiceUser.of(views.serviceUser(ref, principal));
    }

    @Operation(summary = "The budget statements of a paid period, with each mentor's part of the cost")
    @GetMapping("/statements")
    List<ApiJson.Statement> statements(@RequestParam String period, Principal principal) {
        PayPeriod payPeriod;
        try {
            payPeriod = PayPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw new org.peerpay.system.UserFacingException(e.getMessage());
        }
        Set<String> caseload = caseloads.of(principal);
        return statements.forPeriod(payPeriod).stream()
                .filter(s -> caseload == null || caseload.contains(s.serviceUserRef()))
                .map(ApiJson.Statement::of).toList();
    }

    @Operation(summary = "The exceptions queue: those not yet acknowledged first")
    @GetMapping("/exceptions")
    List<ApiJson.Exception> exceptions(Principal principal) {
        return exceptions.queue(caseloads.of(principal), ExceptionPages.SHOWN).stream()
                .map(ApiJson.Exception::of).toList();
    }

    @Operation(summary = "Acknowledge an exception with a note of what was done")
    @PostMapping(path = "/exceptions/{id}/acknowledge", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> acknowledge(@PathVariable long id, @RequestBody ApiJson.Note body, Principal principal,
                                     HttpServletRequest request) {
        actions.acknowledge(id, body.note(), actions.who(principal, request));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Hold the unpaid shifts an exception is about, out of pay runs until released")
    @PostMapping("/exceptions/{id}/hold")
    ApiJson.Shifts hold(@PathVariable long id, Principal principal, HttpServletRequest request) {
        return new ApiJson.Shifts(actions.hold(id, actions.who(principal, request)));
    }

    @Operation(summary = "Release the shifts held for an exception: the next pay run pays them")
    @PostMapping("/exceptions/{id}/release")
    ApiJson.Shifts release(@PathVariable long id, Principal principal, HttpServletRequest request) {
        return new ApiJson.Shifts(actions.release(id, actions.who(principal, request)));
    }
}
