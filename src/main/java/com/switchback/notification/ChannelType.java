package com.switchback.notification;

/** The kinds of channel, with what each asks of the administrator who sets it up. */
public enum ChannelType {
    DINGTALK("DingTalk robot", "Webhook address (https://oapi.dingtalk.com/robot/send?access_token=…)",
            "Signing secret (SEC…), when the robot's security setting is \u201csigning\u201d", false),
    FEISHU("Feishu/Lark bot", "Webhook address (https://open.feishu.cn/open-apis/bot/v2/hook/…)",
            "Signature secret, when the bot verifies signatures", false),
    WECOM("WeCom robot", "Webhook address (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…)", null, false),
    SLACK("Slack incoming webhook", "Webhook address (https://hooks.slack.com/services/…)", null, false),
    WEBHOOK("Webhook", "Address that receives a JSON POST",
            "Signing secret: X-Switchback-Signature is HMAC-SHA256 over the timestamp and the body", true),
    EMAIL("E-mail (SMTP)", "SMTP server (host:port)", "SMTP password, when the server asks for one", false);

    private final String label;
    private final String endpointLabel;
    private final String secretLabel;
    private final boolean secretRequired;

    ChannelType(String label, String endpointLabel, String secretLabel, boolean secretRequired) {
        this.label = label;
        this.endpointLabel = endpointLabel;
        this.secretLabel = secretLabel;
        this.secretRequired = secretRequired;
    }

    public String label() {
        return label;
    }

    public String endpointLabel() {
        return endpointLabel;
    }

    /** What the secret is called for this kind, or null when it has none. */
    public String secretLabel() {
        return secretLabel;
    }

    public boolean secretRequired() {
        return secretRequired;
    }

    public boolean email() {
        return this == EMAIL;
    }
}
