package com.switchback.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The e-mail channel: one plain-text message over the channel's own SMTP server, to its recipients. */
final class EmailSender {

    private EmailSender() {
    }

    /** Sends {@code m}; null when the server accepted it, else why not. */
    static String send(Channel c, String endpoint, String password, OutboxMessage m, String url, Duration timeout) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        int colon = endpoint.lastIndexOf(':');
        mail.setHost(colon > 0 ? endpoint.substring(0, colon) : endpoint);
        mail.setPort(colon > 0 ? Integer.parseInt(endpoint.substring(colon + 1)) : 25);
        if (!c.smtpUsername().isBlank()) {
            mail.setUsername(c.smtpUsername());
            mail.setPassword(password);
        }
        Properties p = mail.getJavaMailProperties();
        String ms = String.valueOf(timeout.toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.auth", String.valueOf(!c.smtpUsername().isBlank()));
        switch (c.smtpTls()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case TLS -> p.put("mail.smtp.ssl.enable", "true");
            case NONE -> { }
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(c.smtpFrom());
            helper.setTo(c.recipientSet().toArray(String[]::new));
            helper.setSubject("[Switchback] " + m.title());
            helper.setText(m.text() + "\n\n" + url + "\n");
            message.setHeader("X-Switchback-Idempotency-Key", m.idempotencyKey());
            message.setHeader("X-Switchback-Event", m.event());
            mail.send(message);
            return null;
        } catch (MessagingException | MailException e) {
            return "SMTP: " + ChannelFormats.clip(String.valueOf(e.getMessage()));
        }
    }
}
