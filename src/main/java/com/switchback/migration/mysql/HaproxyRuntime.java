package com.switchback.migration.mysql;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * HAProxy's runtime API (the {@code stats socket ... level admin}), over TCP ({@code host:port}) or a
 * Unix socket (a path). One command per connection, as in HAProxy's non-interactive mode.
 */
final class HaproxyRuntime {

    /** srv_admin_state bits that take a server out of rotation: forced, inherited, resolution, hostname maintenance. */
    private static final int MAINTENANCE = 0x01 | 0x02 | 0x20 | 0x40;

    private final String address;

    HaproxyRuntime(String address) {
        this.address = address;
    }

    String address() {
        return address;
    }

    /** The servers of {@code backend} that are in rotation: where the endpoint points. */
    Set<String> activeServers(String backend) throws IOException {
        String answer = command("show servers state " + backend);
        Set<String> active = new LinkedHashSet<>();
        boolean found = false;
        for (String line : answer.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 7 || f[0].startsWith("#") || !f[1].equals(backend)) {
                continue;
            }
            found = true;
            int adminState = Integer.parseInt(f[6]);
            if ((adminState & MAINTENANCE) == 0) {
                active.add(f[3]);
            }
        }
        if (!found) {
            throw new IOException("HAProxy at " + address + " has no backend '" + backend + "': " + firstLine(answer));
        }
        return active;
    }

    /**
     * Points {@code backend} at {@code target} alone: the others go into maintenance first (so the
     * two servers are never in rotation together), then the target is made ready, then the sessions
     * still open to the others are closed so clients reconnect through the new route.
     */
    void pointTo(String backend, String target, List<String> servers) throws IOException {
        for (String other : servers) {
            if (!other.equals(target)) {
                expectEmpty(command("set server " + backend + "/" + other + " state maint"));
            }
        }
        expectEmpty(command("set server " + backend + "/" + target + " state ready"));
        for (String other : servers) {
            if (!other.equals(target)) {
                expectEmpty(command("shutdown sessions server " + backend + "/" + other));
            }
        }
    }

    String command(String command) throws IOException {
        byte[] request = (command + "\n").getBytes(StandardCharsets.US_ASCII);
        SocketAddress target = target();
        try {
            if (target instanceof UnixDomainSocketAddress) {
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    channel.connect(target);
                    channel.write(ByteBuffer.wrap(request));
                    return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            try (Socket socket = new Socket()) {
                // Bounded: an unreachable HAProxy must fail the step, not hang it.
                socket.connect(target, 3_000);
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IOException("HAProxy's runtime API at " + address + " is unreachable: " + message(e), e);
        }
    }

    private SocketAddress target() {
        if (address.startsWith("/")) {
            return UnixDomainSocketAddress.of(address);
        }
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("HAProxy runtime API address must be host:port or a socket path: " + address);
        }
        return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }

    private void expectEmpty(String answer) throws IOException {
        if (!answer.isBlank()) {
            throw new IOException("HAProxy at " + address + " refused: " + firstLine(answer));
        }
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
