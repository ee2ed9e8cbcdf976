package com.switchback.base.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** Errors the application raises outside the console's router (filters, the servlet) get the console's page. */
@Controller
class ErrorPageController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        java.util.Locale locale = com.switchback.base.i18n.Messages.of(request);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        ErrorPages.Page page = ErrorPages.of(status, uri instanceof String s ? s : null, locale);
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(ErrorPages.html(page, request.getContextPath() + "/", locale));
    }
}
