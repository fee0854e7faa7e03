package org.gridcommand.feed.mqtt;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A bare MQTT 3.1.1 subscriber on a plain socket, for proving that the broker sends a client nothing: it reads
 * the broker's packets on this one thread in the order they were written, so after a PINGREQ the PINGRESP comes
 * behind every PUBLISH the broker had queued for this client before it. (A library client hands messages to a
 * thread of its own and cannot say that.) Only what the test needs: connect, subscribe at QoS 0, ping.
 */
final class WireSubscriber implements AutoCloseable {
    private static final int CONNACK = 2;
    private static final int PUBLISH = 3;
    private static final int SUBACK = 9;
    private static final int PINGRESP = 13;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final List<String> publishedTopics = new ArrayList<>();

    private WireSubscriber(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects with a clean session; an IOException names the CONNACK's code when the broker refuses. */
    static WireSubscriber connect(int port, String clientId, String user, char[] password) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        WireSubscriber s = new WireSubscriber(socket);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(4);
        body.write(0x80 | 0x40 | 0x02);
        body.write(0);
        body.write(60);
        string(body, clientId);
        string(body, user);
        string(body, new String(password));
        s.send(0x10, body.toByteArray());
        int[] connack = s.expect(CONNACK);
        if (connack[1] != 0) {
            s.close();
            throw new IOException("CONNACK return code " + connack[1]);
        }
        return s;
    }

    /** Subscribes at QoS 0; returns the SUBACK's code (0 granted; 0x80 refused). */
    int subscribe(String filter) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0);
        body.write(1);
        string(body, filter);
        body.write(0);
        send(0x82, body.toByteArray());
        return expect(SUBACK)[2];
    }

    /** Pings and reads up to the answer: the topics of every PUBLISH the broker sent before it. */
    List<String> topicsSentBeforePing() throws IOException {
        send(0xC0, new byte[0]);
        expect(PINGRESP);
        return List.copyOf(publishedTopics);
    }

    private int[] expect(int type) throws IOException {
        while (true) {
            int header = in.readUnsignedByte();
            byte[] body = new byte[remainingLength()];
            in.readFully(body);
            int packetType = header >> 4;
            if (packetType == PUBLISH) {
                int topicLength = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
                publishedTopics.add(new String(body, 2, topicLength, StandardCharsets.UTF_8));
            } else if (packetType == type) {
                int[] bytes = new int[body.length];
                for (int i = 0; i < body.length; i++) {
                    bytes[i] = body[i] & 0xff;
                }
                return bytes;
            } else {
                throw new IOException("unexpected MQTT packet type " + packetType + " while waiting for " + type);
            }
        }
    }

    private int remainingLength() throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed remaining length");
    }

    private void send(int header, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(header);
        int length = body.length;
        do {
            int b = length % 128;
            length /= 128;
            packet.write(length > 0 ? b | 0x80 : b);
        } while (length > 0);
        packet.write(body);
        out.write(packet.toByteArray());
        out.flush();
    }

    private static void string(ByteArrayOutputStream to, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        to.write(bytes.length >> 8);
        to.write(bytes.length & 0xff);
        to.write(bytes, 0, bytes.length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
