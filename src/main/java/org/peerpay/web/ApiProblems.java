package org.peerpay.web;

import org.peerpay.system.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}): a refusal says what to do in its
 * detail (400), something not there or not the caller's to see is 404 (saying neither), and Spring MVC's own
 * failures (a missing parameter, a body that is not JSON) are described as it describes them.
 */
@RestControllerAdvice(assignableTypes = {FinanceApi.class, BudgetApi.class, AdminApi.class})
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(UserFacingException.class)
    ProblemDetail refused(UserFacingException refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
        problem.setTitle("Refused");
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is nothing here that you may see.");
        problem.setTitle("Not found");
        return problem;
    }
}
