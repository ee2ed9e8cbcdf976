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
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HAProxy's runtime API (the {@code stats socket ... level admin}), over TCP ({@code host:port}) or a
 * Unix socket (a path). One line per connection (HAProxy's non-interactive mode), or a conversation
 * kept open for a read-only window ({@link Session}).
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
        return activeServers(backend, null);
    }

    /** As {@link #activeServers(String)}, through {@code session} when one is open. */
    Set<String> activeServers(String backend, Session session) throws IOException {
        String answer = session != null ? session.showServersState(backend) : command("show servers state " + backend);
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
     * Points each backend of {@code targets} at its server alone, all in one conversation: the
     * others go into maintenance first (so two servers are never in rotation together), then the
     * targets are made ready, then the sessions still open to the others are closed so clients
     * reconnect through the new route. Through {@code session} when one is open, else one connection.
     */
    void pointTo(Map<String, String> targets, List<String> servers, Session session) throws IOException {
        List<String> commands = new ArrayList<>();
        targets.forEach((backend, target) -> servers.stream().filter(o -> !o.equals(target))
                .forEach(other -> commands.add("set server " + backend + "/" + other + " state maint")));
        targets.forEach((backend, target) -> commands.add("set server " + backend + "/" + target + " state ready"));
        targets.forEach((backend, target) -> servers.stream().filter(o -> !o.equals(target))
                .forEach(other -> commands.add("shutdown sessions server " + backend + "/" + other)));
        String line = String.join("; ", commands);
        expectEmpty(session != null ? String.join("", session.run(line, commands.size())) : command(line));
    }

    /** Points {@code backend} at {@code target} alone (one endpoint). */
    void pointTo(String backend, String target, List<String> servers) throws IOException {
        pointTo(Map.of(backend, target), servers, null);
    }

    /**
     * A conversation kept open (HAProxy's interactive "prompt" mode): opened and checked before a
     * read-only window, so switching the endpoints inside it costs no connection set-up.
     */
    Session openSession() throws IOException {
        return new Session();
    }

    final class Session implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        private Session() throws IOException {
            if (!(target() instanceof InetSocketAddress tcp)) {
                throw new IOException("A kept-open conversation needs HAProxy's runtime API over TCP: " + address);
            }
            socket = new Socket();
            try {
                socket.connect(tcp, 3_000);
                socket.setSoTimeout(10_000);
                socket.setTcpNoDelay(true);
                in = socket.getInputStream();
                out = socket.getOutputStream();
                run("prompt", 0);
                run("show info", 1);
            } catch (IOException e) {
                socket.close();
                throw new IOException("HAProxy's runtime API at " + address + " is unreachable: " + message(e), e);
            }
        }

        /** Sends one line of {@code count} commands (separated by ';') and returns each answer. */
        List<String> run(String line, int count) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder text = new StringBuilder();
            int prompts = 0;
            int needed = Math.max(1, count);
            byte[] buffer = new byte[8192];
            while (prompts < needed) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("HAProxy at " + address + " closed the conversation");
                }
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                prompts = countPrompts(text);
            }
            List<String> answers = new ArrayList<>();
            for (String part : text.toString().split("\n> ", -1)) {
                answers.add(part.strip());
            }
            return answers.subList(0, Math.min(answers.size(), needed));
        }

        private static int countPrompts(CharSequence text) {
            int count = 0;
            for (int i = text.toString().indexOf("\n> "); i >= 0; i = text.toString().indexOf("\n> ", i + 3)) {
                count++;
            }
            return count;
        }

        /** {@code show servers state}, through this conversation. */
        String showServersState(String backend) throws IOException {
            return run("show servers state " + backend, 1).getFirst();
        }

        @Override
        public void close() throws IOException {
            socket.close();
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
