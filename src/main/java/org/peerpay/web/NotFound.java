package org.peerpay.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Something asked for that does not exist, or that the user may not see: a 404, which says neither. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotFound extends RuntimeException {
}
