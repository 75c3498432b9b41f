package org.peerpay.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** An upload over the size limit gets the upload page again, saying so: never an error page. */
@ControllerAdvice
class UploadTooLarge {

    private final DataSize limit;

    UploadTooLarge(@Value("${spring.servlet.multipart.max-file-size:20MB}") DataSize limit) {
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model) {
        model.addAttribute("problem", "A file is larger than " + limit.toMegabytes() + " MB, the most PeerPay takes"
                + " at once: split it into smaller files (by fortnight, say) and upload those");
        return "finance/upload";
    }
}
