package com.switchback.notification;

/**
 * The kinds of channel. Each kind's name is its label here (kept in English for the audit trail);
 * what a page asks for it, its address and its secret, are {@code channelType.<NAME>.*} in the bundles.
 */
public enum ChannelType {
    DINGTALK("DingTalk robot", true, false),
    FEISHU("Feishu/Lark bot", true, false),
    WECOM("WeCom robot", false, false),
    SLACK("Slack incoming webhook", false, false),
    WEBHOOK("Webhook", true, true),
    EMAIL("E-mail (SMTP)", true, false);

    private final String label;
    private final boolean hasSecret;
    private final boolean secretRequired;

    ChannelType(String label, boolean hasSecret, boolean secretRequired) {
        this.label = label;
        this.hasSecret = hasSecret;
        this.secretRequired = secretRequired;
    }

    public String label() {
        return label;
    }

    /** Whether this kind takes a secret (a signing secret, an SMTP password); else its key is in its address. */
    public boolean hasSecret() {
        return hasSecret;
    }

    public boolean secretRequired() {
        return secretRequired;
    }

    public boolean email() {
        return this == EMAIL;
    }
}
