import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace cim. */
export namespace cim {

    /**
     * Properties of a Frame.
     * @deprecated Use cim.Frame.$Properties instead.
     */
    interface IFrame extends cim.Frame.$Properties {
    }

    /** Represents a Frame. */
    class Frame {

        /**
         * Constructs a new Frame.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Frame.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Frame requestId. */
        requestId: number;

        /** Frame login. */
        login?: (cim.Login.$Properties|null);

        /** Frame ping. */
        ping?: (cim.Ping.$Properties|null);

        /** Frame ack. */
        ack?: (cim.Ack.$Properties|null);

        /** Frame send. */
        send?: (cim.Send.$Properties|null);

        /** Frame read. */
        read?: (cim.Read.$Properties|null);

        /** Frame logout. */
        logout?: (cim.Logout.$Properties|null);

        /** Frame loginOk. */
        loginOk?: (cim.LoginOk.$Properties|null);

        /** Frame pong. */
        pong?: (cim.Pong.$Properties|null);

        /** Frame deliver. */
        deliver?: (cim.Deliver.$Properties|null);

        /** Frame sendResult. */
        sendResult?: (cim.SendResult.$Properties|null);

        /** Frame receipt. */
        receipt?: (cim.Receipt.$Properties|null);

        /** Frame recalled. */
        recalled?: (cim.Recalled.$Properties|null);

        /** Frame kick. */
        kick?: (cim.Kick.$Properties|null);

        /** Frame redirect. */
        redirect?: (cim.Redirect.$Properties|null);

        /** Frame error. */
        error?: (cim.Error.$Properties|null);

        /** Frame caughtUp. */
        caughtUp?: (cim.CaughtUp.$Properties|null);

        /** Frame body. */
        body?: ("login"|"ping"|"ack"|"send"|"read"|"logout"|"loginOk"|"pong"|"deliver"|"sendResult"|"receipt"|"recalled"|"kick"|"redirect"|"error"|"caughtUp");

        /**
         * Creates a new Frame instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Frame instance
         */
        static create(properties: cim.Frame.$Shape): cim.Frame & cim.Frame.$Shape;
        static create(properties?: cim.Frame.$Properties): cim.Frame;

        /**
         * Encodes the specified Frame message. Does not implicitly {@link cim.Frame.verify|verify} messages.
         * @param m Frame message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Frame.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Frame message, length delimited. Does not implicitly {@link cim.Frame.verify|verify} messages.
         * @param message Frame message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Frame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Frame message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Frame & cim.Frame.$Shape} Frame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Frame & cim.Frame.$Shape;

        /**
         * Decodes a Frame message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Frame & cim.Frame.$Shape} Frame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Frame & cim.Frame.$Shape;

        /**
         * Verifies a Frame message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Frame message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Frame
         */
        static fromObject(d: { [k: string]: any }): cim.Frame;

        /**
         * Creates a plain object from a Frame message. Also converts values to other types if specified.
         * @param m Frame
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Frame, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Frame to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Frame
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Frame {

        /** Properties of a Frame. */
        interface $Properties {

            /** Frame requestId */
            requestId?: (number|null);

            /** Frame login */
            login?: (cim.Login.$Properties|null);

            /** Frame ping */
            ping?: (cim.Ping.$Properties|null);

            /** Frame ack */
            ack?: (cim.Ack.$Properties|null);

            /** Frame send */
            send?: (cim.Send.$Properties|null);

            /** Frame read */
            read?: (cim.Read.$Properties|null);

            /** Frame logout */
            logout?: (cim.Logout.$Properties|null);

            /** Frame loginOk */
            loginOk?: (cim.LoginOk.$Properties|null);

            /** Frame pong */
            pong?: (cim.Pong.$Properties|null);

            /** Frame deliver */
            deliver?: (cim.Deliver.$Properties|null);

            /** Frame sendResult */
            sendResult?: (cim.SendResult.$Properties|null);

            /** Frame receipt */
            receipt?: (cim.Receipt.$Properties|null);

            /** Frame recalled */
            recalled?: (cim.Recalled.$Properties|null);

            /** Frame kick */
            kick?: (cim.Kick.$Properties|null);

            /** Frame redirect */
            redirect?: (cim.Redirect.$Properties|null);

            /** Frame error */
            error?: (cim.Error.$Properties|null);

            /** Frame caughtUp */
            caughtUp?: (cim.CaughtUp.$Properties|null);

            /** Frame body */
            body?: ("login"|"ping"|"ack"|"send"|"read"|"logout"|"loginOk"|"pong"|"deliver"|"sendResult"|"receipt"|"recalled"|"kick"|"redirect"|"error"|"caughtUp");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a Frame. */
        type $Shape = {
          requestId?: number|null;
          login?: cim.Login.$Shape|null;
          ping?: cim.Ping.$Shape|null;
          ack?: cim.Ack.$Shape|null;
          send?: cim.Send.$Shape|null;
          read?: cim.Read.$Shape|null;
          logout?: cim.Logout.$Shape|null;
          loginOk?: cim.LoginOk.$Shape|null;
          pong?: cim.Pong.$Shape|null;
          deliver?: cim.Deliver.$Shape|null;
          sendResult?: cim.SendResult.$Shape|null;
          receipt?: cim.Receipt.$Shape|null;
          recalled?: cim.Recalled.$Shape|null;
          kick?: cim.Kick.$Shape|null;
          redirect?: cim.Redirect.$Shape|null;
          error?: cim.Error.$Shape|null;
          caughtUp?: cim.CaughtUp.$Shape|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ body?: undefined; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "login"; login: cim.Login.$Shape; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "ping"; login?: null; ping: cim.Ping.$Shape; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "ack"; login?: null; ping?: null; ack: cim.Ack.$Shape; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "send"; login?: null; ping?: null; ack?: null; send: cim.Send.$Shape; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "read"; login?: null; ping?: null; ack?: null; send?: null; read: cim.Read.$Shape; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "logout"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout: cim.Logout.$Shape; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "loginOk"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk: cim.LoginOk.$Shape; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "pong"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong: cim.Pong.$Shape; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "deliver"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver: cim.Deliver.$Shape; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "sendResult"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult: cim.SendResult.$Shape; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "receipt"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt: cim.Receipt.$Shape; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "recalled"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled: cim.Recalled.$Shape; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "kick"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick: cim.Kick.$Shape; redirect?: null; error?: null; caughtUp?: null }|{ body?: "redirect"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect: cim.Redirect.$Shape; error?: null; caughtUp?: null }|{ body?: "error"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error: cim.Error.$Shape; caughtUp?: null }|{ body?: "caughtUp"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp: cim.CaughtUp.$Shape })
        );
    }

    /**
     * Properties of a Login.
     * @deprecated Use cim.Login.$Properties instead.
     */
    interface ILogin extends cim.Login.$Properties {
    }

    /** Represents a Login. */
    class Login {

        /**
         * Constructs a new Login.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Login.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Login token. */
        token: string;

        /** Login cursor. */
        cursor?: (number|Long|null);

        /** Login client. */
        client: string;

        /** Login conversations. */
        conversations: cim.ConversationCursor.$Properties[];

        /**
         * Creates a new Login instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Login instance
         */
        static create(properties: cim.Login.$Shape): cim.Login & cim.Login.$Shape;
        static create(properties?: cim.Login.$Properties): cim.Login;

        /**
         * Encodes the specified Login message. Does not implicitly {@link cim.Login.verify|verify} messages.
         * @param m Login message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Login.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Login message, length delimited. Does not implicitly {@link cim.Login.verify|verify} messages.
         * @param message Login message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Login.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Login message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Login & cim.Login.$Shape} Login
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Login & cim.Login.$Shape;

        /**
         * Decodes a Login message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Login & cim.Login.$Shape} Login
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Login & cim.Login.$Shape;

        /**
         * Verifies a Login message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Login message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Login
         */
        static fromObject(d: { [k: string]: any }): cim.Login;

        /**
         * Creates a plain object from a Login message. Also converts values to other types if specified.
         * @param m Login
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Login, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Login to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Login
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Login {

        /** Properties of a Login. */
        interface $Properties {

            /** Login token */
            token?: (string|null);

            /** Login cursor */
            cursor?: (number|Long|null);

            /** Login client */
            client?: (string|null);

            /** Login conversations */
            conversations?: (cim.ConversationCursor.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Login. */
        type $Shape = cim.Login.$Properties;
    }

    /**
     * Properties of a ConversationCursor.
     * @deprecated Use cim.ConversationCursor.$Properties instead.
     */
    interface IConversationCursor extends cim.ConversationCursor.$Properties {
    }

    /** Represents a ConversationCursor. */
    class ConversationCursor {

        /**
         * Constructs a new ConversationCursor.
         * @param [p] Properties to set
         */
        constructor(p?: cim.ConversationCursor.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** ConversationCursor conversationId. */
        conversationId: string;

        /** ConversationCursor seq. */
        seq: (number|Long);

        /** ConversationCursor expired. */
        expired: boolean;

        /**
         * Creates a new ConversationCursor instance using the specified properties.
         * @param [properties] Properties to set
         * @returns ConversationCursor instance
         */
        static create(properties: cim.ConversationCursor.$Shape): cim.ConversationCursor & cim.ConversationCursor.$Shape;
        static create(properties?: cim.ConversationCursor.$Properties): cim.ConversationCursor;

        /**
         * Encodes the specified ConversationCursor message. Does not implicitly {@link cim.ConversationCursor.verify|verify} messages.
         * @param m ConversationCursor message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.ConversationCursor.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified ConversationCursor message, length delimited. Does not implicitly {@link cim.ConversationCursor.verify|verify} messages.
         * @param message ConversationCursor message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.ConversationCursor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a ConversationCursor message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.ConversationCursor & cim.ConversationCursor.$Shape} ConversationCursor
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.ConversationCursor & cim.ConversationCursor.$Shape;

        /**
         * Decodes a ConversationCursor message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.ConversationCursor & cim.ConversationCursor.$Shape} ConversationCursor
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.ConversationCursor & cim.ConversationCursor.$Shape;

        /**
         * Verifies a ConversationCursor message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a ConversationCursor message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns ConversationCursor
         */
        static fromObject(d: { [k: string]: any }): cim.ConversationCursor;

        /**
         * Creates a plain object from a ConversationCursor message. Also converts values to other types if specified.
         * @param m ConversationCursor
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.ConversationCursor, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this ConversationCursor to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for ConversationCursor
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace ConversationCursor {

        /** Properties of a ConversationCursor. */
        interface $Properties {

            /** ConversationCursor conversationId */
            conversationId?: (string|null);

            /** ConversationCursor seq */
            seq?: (number|Long|null);

            /** ConversationCursor expired */
            expired?: (boolean|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a ConversationCursor. */
        type $Shape = cim.ConversationCursor.$Properties;
    }

    /**
     * Properties of a Ping.
     * @deprecated Use cim.Ping.$Properties instead.
     */
    interface IPing extends cim.Ping.$Properties {
    }

    /** Represents a Ping. */
    class Ping {

        /**
         * Constructs a new Ping.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Ping.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new Ping instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Ping instance
         */
        static create(properties: cim.Ping.$Shape): cim.Ping & cim.Ping.$Shape;
        static create(properties?: cim.Ping.$Properties): cim.Ping;

        /**
         * Encodes the specified Ping message. Does not implicitly {@link cim.Ping.verify|verify} messages.
         * @param m Ping message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Ping.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Ping message, length delimited. Does not implicitly {@link cim.Ping.verify|verify} messages.
         * @param message Ping message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Ping message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Ping & cim.Ping.$Shape} Ping
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Ping & cim.Ping.$Shape;

        /**
         * Decodes a Ping message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Ping & cim.Ping.$Shape} Ping
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Ping & cim.Ping.$Shape;

        /**
         * Verifies a Ping message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Ping message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Ping
         */
        static fromObject(d: { [k: string]: any }): cim.Ping;

        /**
         * Creates a plain object from a Ping message. Also converts values to other types if specified.
         * @param m Ping
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Ping, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Ping to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Ping
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Ping {

        /** Properties of a Ping. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Ping. */
        type $Shape = cim.Ping.$Properties;
    }

    /**
     * Properties of a Pong.
     * @deprecated Use cim.Pong.$Properties instead.
     */
    interface IPong extends cim.Pong.$Properties {
    }

    /** Represents a Pong. */
    class Pong {

        /**
         * Constructs a new Pong.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Pong.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new Pong instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Pong instance
         */
        static create(properties: cim.Pong.$Shape): cim.Pong & cim.Pong.$Shape;
        static create(properties?: cim.Pong.$Properties): cim.Pong;

        /**
         * Encodes the specified Pong message. Does not implicitly {@link cim.Pong.verify|verify} messages.
         * @param m Pong message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Pong.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Pong message, length delimited. Does not implicitly {@link cim.Pong.verify|verify} messages.
         * @param message Pong message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Pong.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Pong message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Pong & cim.Pong.$Shape} Pong
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Pong & cim.Pong.$Shape;

        /**
         * Decodes a Pong message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Pong & cim.Pong.$Shape} Pong
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Pong & cim.Pong.$Shape;

        /**
         * Verifies a Pong message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Pong message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Pong
         */
        static fromObject(d: { [k: string]: any }): cim.Pong;

        /**
         * Creates a plain object from a Pong message. Also converts values to other types if specified.
         * @param m Pong
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Pong, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Pong to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Pong
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Pong {

        /** Properties of a Pong. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Pong. */
        type $Shape = cim.Pong.$Properties;
    }

    /**
     * Properties of an Ack.
     * @deprecated Use cim.Ack.$Properties instead.
     */
    interface IAck extends cim.Ack.$Properties {
    }

    /** Represents an Ack. */
    class Ack {

        /**
         * Constructs a new Ack.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Ack.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Ack cursor. */
        cursor: (number|Long);

        /**
         * Creates a new Ack instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Ack instance
         */
        static create(properties: cim.Ack.$Shape): cim.Ack & cim.Ack.$Shape;
        static create(properties?: cim.Ack.$Properties): cim.Ack;

        /**
         * Encodes the specified Ack message. Does not implicitly {@link cim.Ack.verify|verify} messages.
         * @param m Ack message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Ack.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Ack message, length delimited. Does not implicitly {@link cim.Ack.verify|verify} messages.
         * @param message Ack message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Ack message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Ack & cim.Ack.$Shape} Ack
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Ack & cim.Ack.$Shape;

        /**
         * Decodes an Ack message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Ack & cim.Ack.$Shape} Ack
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Ack & cim.Ack.$Shape;

        /**
         * Verifies an Ack message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates an Ack message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Ack
         */
        static fromObject(d: { [k: string]: any }): cim.Ack;

        /**
         * Creates a plain object from an Ack message. Also converts values to other types if specified.
         * @param m Ack
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Ack, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Ack to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Ack
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Ack {

        /** Properties of an Ack. */
        interface $Properties {

            /** Ack cursor */
            cursor?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Ack. */
        type $Shape = cim.Ack.$Properties;
    }

    /**
     * Properties of a Destination.
     * @deprecated Use cim.Destination.$Properties instead.
     */
    interface IDestination extends cim.Destination.$Properties {
    }

    /** Represents a Destination. */
    class Destination {

        /**
         * Constructs a new Destination.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Destination.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Destination userId. */
        userId?: (number|Long|null);

        /** Destination groupId. */
        groupId?: (number|Long|null);

        /** Destination broadcast. */
        broadcast?: (boolean|null);

        /** Destination target. */
        target?: ("userId"|"groupId"|"broadcast");

        /**
         * Creates a new Destination instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Destination instance
         */
        static create(properties: cim.Destination.$Shape): cim.Destination & cim.Destination.$Shape;
        static create(properties?: cim.Destination.$Properties): cim.Destination;

        /**
         * Encodes the specified Destination message. Does not implicitly {@link cim.Destination.verify|verify} messages.
         * @param m Destination message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Destination.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Destination message, length delimited. Does not implicitly {@link cim.Destination.verify|verify} messages.
         * @param message Destination message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Destination.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Destination message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Destination & cim.Destination.$Shape} Destination
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Destination & cim.Destination.$Shape;

        /**
         * Decodes a Destination message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Destination & cim.Destination.$Shape} Destination
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Destination & cim.Destination.$Shape;

        /**
         * Verifies a Destination message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Destination message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Destination
         */
        static fromObject(d: { [k: string]: any }): cim.Destination;

        /**
         * Creates a plain object from a Destination message. Also converts values to other types if specified.
         * @param m Destination
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Destination, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Destination to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Destination
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Destination {

        /** Properties of a Destination. */
        interface $Properties {

            /** Destination userId */
            userId?: (number|Long|null);

            /** Destination groupId */
            groupId?: (number|Long|null);

            /** Destination broadcast */
            broadcast?: (boolean|null);

            /** Destination target */
            target?: ("userId"|"groupId"|"broadcast");

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Narrowed shape of a Destination. */
        type $Shape = {
          userId?: number|Long|null;
          groupId?: number|Long|null;
          broadcast?: boolean|null;
          $unknowns?: Uint8Array[];
        } & (
          ({ target?: undefined; userId?: null; groupId?: null; broadcast?: null }|{ target?: "userId"; userId: number|Long; groupId?: null; broadcast?: null }|{ target?: "groupId"; userId?: null; groupId: number|Long; broadcast?: null }|{ target?: "broadcast"; userId?: null; groupId?: null; broadcast: boolean })
        );
    }

    /**
     * Properties of a Send.
     * @deprecated Use cim.Send.$Properties instead.
     */
    interface ISend extends cim.Send.$Properties {
    }

    /** Represents a Send. */
    class Send {

        /**
         * Constructs a new Send.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Send.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Send clientMsgId. */
        clientMsgId: string;

        /** Send to. */
        to?: (cim.Destination.$Properties|null);

        /** Send body. */
        body: string;

        /** Send deliverAt. */
        deliverAt: (number|Long);

        /**
         * Creates a new Send instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Send instance
         */
        static create(properties: cim.Send.$Shape): cim.Send & cim.Send.$Shape;
        static create(properties?: cim.Send.$Properties): cim.Send;

        /**
         * Encodes the specified Send message. Does not implicitly {@link cim.Send.verify|verify} messages.
         * @param m Send message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Send.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Send message, length delimited. Does not implicitly {@link cim.Send.verify|verify} messages.
         * @param message Send message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Send.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Send message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Send & cim.Send.$Shape} Send
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Send & cim.Send.$Shape;

        /**
         * Decodes a Send message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Send & cim.Send.$Shape} Send
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Send & cim.Send.$Shape;

        /**
         * Verifies a Send message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Send message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Send
         */
        static fromObject(d: { [k: string]: any }): cim.Send;

        /**
         * Creates a plain object from a Send message. Also converts values to other types if specified.
         * @param m Send
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Send, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Send to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Send
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Send {

        /** Properties of a Send. */
        interface $Properties {

            /** Send clientMsgId */
            clientMsgId?: (string|null);

            /** Send to */
            to?: (cim.Destination.$Properties|null);

            /** Send body */
            body?: (string|null);

            /** Send deliverAt */
            deliverAt?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Send. */
        type $Shape = {
          clientMsgId?: string|null;
          to?: cim.Destination.$Shape|null;
          body?: string|null;
          deliverAt?: number|Long|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a Read.
     * @deprecated Use cim.Read.$Properties instead.
     */
    interface IRead extends cim.Read.$Properties {
    }

    /** Represents a Read. */
    class Read {

        /**
         * Constructs a new Read.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Read.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Read conversationId. */
        conversationId: string;

        /** Read seq. */
        seq: (number|Long);

        /**
         * Creates a new Read instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Read instance
         */
        static create(properties: cim.Read.$Shape): cim.Read & cim.Read.$Shape;
        static create(properties?: cim.Read.$Properties): cim.Read;

        /**
         * Encodes the specified Read message. Does not implicitly {@link cim.Read.verify|verify} messages.
         * @param m Read message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Read.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Read message, length delimited. Does not implicitly {@link cim.Read.verify|verify} messages.
         * @param message Read message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Read.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Read message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Read & cim.Read.$Shape} Read
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Read & cim.Read.$Shape;

        /**
         * Decodes a Read message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Read & cim.Read.$Shape} Read
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Read & cim.Read.$Shape;

        /**
         * Verifies a Read message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Read message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Read
         */
        static fromObject(d: { [k: string]: any }): cim.Read;

        /**
         * Creates a plain object from a Read message. Also converts values to other types if specified.
         * @param m Read
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Read, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Read to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Read
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Read {

        /** Properties of a Read. */
        interface $Properties {

            /** Read conversationId */
            conversationId?: (string|null);

            /** Read seq */
            seq?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Read. */
        type $Shape = cim.Read.$Properties;
    }

    /**
     * Properties of a Logout.
     * @deprecated Use cim.Logout.$Properties instead.
     */
    interface ILogout extends cim.Logout.$Properties {
    }

    /** Represents a Logout. */
    class Logout {

        /**
         * Constructs a new Logout.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Logout.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /**
         * Creates a new Logout instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Logout instance
         */
        static create(properties: cim.Logout.$Shape): cim.Logout & cim.Logout.$Shape;
        static create(properties?: cim.Logout.$Properties): cim.Logout;

        /**
         * Encodes the specified Logout message. Does not implicitly {@link cim.Logout.verify|verify} messages.
         * @param m Logout message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Logout.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Logout message, length delimited. Does not implicitly {@link cim.Logout.verify|verify} messages.
         * @param message Logout message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Logout.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Logout message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Logout & cim.Logout.$Shape} Logout
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Logout & cim.Logout.$Shape;

        /**
         * Decodes a Logout message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Logout & cim.Logout.$Shape} Logout
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Logout & cim.Logout.$Shape;

        /**
         * Verifies a Logout message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Logout message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Logout
         */
        static fromObject(d: { [k: string]: any }): cim.Logout;

        /**
         * Creates a plain object from a Logout message. Also converts values to other types if specified.
         * @param m Logout
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Logout, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Logout to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Logout
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Logout {

        /** Properties of a Logout. */
        interface $Properties {

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Logout. */
        type $Shape = cim.Logout.$Properties;
    }

    /**
     * Properties of a LoginOk.
     * @deprecated Use cim.LoginOk.$Properties instead.
     */
    interface ILoginOk extends cim.LoginOk.$Properties {
    }

    /** Represents a LoginOk. */
    class LoginOk {

        /**
         * Constructs a new LoginOk.
         * @param [p] Properties to set
         */
        constructor(p?: cim.LoginOk.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** LoginOk userId. */
        userId: (number|Long);

        /** LoginOk userName. */
        userName: string;

        /** LoginOk sessionId. */
        sessionId: string;

        /** LoginOk serverId. */
        serverId: string;

        /** LoginOk heartbeatMs. */
        heartbeatMs: number;

        /**
         * Creates a new LoginOk instance using the specified properties.
         * @param [properties] Properties to set
         * @returns LoginOk instance
         */
        static create(properties: cim.LoginOk.$Shape): cim.LoginOk & cim.LoginOk.$Shape;
        static create(properties?: cim.LoginOk.$Properties): cim.LoginOk;

        /**
         * Encodes the specified LoginOk message. Does not implicitly {@link cim.LoginOk.verify|verify} messages.
         * @param m LoginOk message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.LoginOk.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified LoginOk message, length delimited. Does not implicitly {@link cim.LoginOk.verify|verify} messages.
         * @param message LoginOk message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.LoginOk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a LoginOk message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.LoginOk & cim.LoginOk.$Shape} LoginOk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.LoginOk & cim.LoginOk.$Shape;

        /**
         * Decodes a LoginOk message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.LoginOk & cim.LoginOk.$Shape} LoginOk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.LoginOk & cim.LoginOk.$Shape;

        /**
         * Verifies a LoginOk message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a LoginOk message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns LoginOk
         */
        static fromObject(d: { [k: string]: any }): cim.LoginOk;

        /**
         * Creates a plain object from a LoginOk message. Also converts values to other types if specified.
         * @param m LoginOk
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.LoginOk, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this LoginOk to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for LoginOk
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace LoginOk {

        /** Properties of a LoginOk. */
        interface $Properties {

            /** LoginOk userId */
            userId?: (number|Long|null);

            /** LoginOk userName */
            userName?: (string|null);

            /** LoginOk sessionId */
            sessionId?: (string|null);

            /** LoginOk serverId */
            serverId?: (string|null);

            /** LoginOk heartbeatMs */
            heartbeatMs?: (number|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a LoginOk. */
        type $Shape = cim.LoginOk.$Properties;
    }

    /**
     * Properties of a Message.
     * @deprecated Use cim.Message.$Properties instead.
     */
    interface IMessage extends cim.Message.$Properties {
    }

    /** Represents a Message. */
    class Message {

        /**
         * Constructs a new Message.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Message.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Message msgId. */
        msgId: (number|Long);

        /** Message conversationId. */
        conversationId: string;

        /** Message seq. */
        seq: (number|Long);

        /** Message fromUserId. */
        fromUserId: (number|Long);

        /** Message fromUserName. */
        fromUserName: string;

        /** Message to. */
        to?: (cim.Destination.$Properties|null);

        /** Message body. */
        body: string;

        /** Message ts. */
        ts: (number|Long);

        /** Message clientMsgId. */
        clientMsgId: string;

        /** Message recalled. */
        recalled: boolean;

        /** Message notice. */
        notice?: (cim.Notice.$Properties|null);

        /**
         * Creates a new Message instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Message instance
         */
        static create(properties: cim.Message.$Shape): cim.Message & cim.Message.$Shape;
        static create(properties?: cim.Message.$Properties): cim.Message;

        /**
         * Encodes the specified Message message. Does not implicitly {@link cim.Message.verify|verify} messages.
         * @param m Message message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Message.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Message message, length delimited. Does not implicitly {@link cim.Message.verify|verify} messages.
         * @param message Message message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Message.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Message message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Message & cim.Message.$Shape} Message
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Message & cim.Message.$Shape;

        /**
         * Decodes a Message message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Message & cim.Message.$Shape} Message
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Message & cim.Message.$Shape;

        /**
         * Verifies a Message message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Message message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Message
         */
        static fromObject(d: { [k: string]: any }): cim.Message;

        /**
         * Creates a plain object from a Message message. Also converts values to other types if specified.
         * @param m Message
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Message, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Message to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Message
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Message {

        /** Properties of a Message. */
        interface $Properties {

            /** Message msgId */
            msgId?: (number|Long|null);

            /** Message conversationId */
            conversationId?: (string|null);

            /** Message seq */
            seq?: (number|Long|null);

            /** Message fromUserId */
            fromUserId?: (number|Long|null);

            /** Message fromUserName */
            fromUserName?: (string|null);

            /** Message to */
            to?: (cim.Destination.$Properties|null);

            /** Message body */
            body?: (string|null);

            /** Message ts */
            ts?: (number|Long|null);

            /** Message clientMsgId */
            clientMsgId?: (string|null);

            /** Message recalled */
            recalled?: (boolean|null);

            /** Message notice */
            notice?: (cim.Notice.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Message. */
        type $Shape = {
          msgId?: number|Long|null;
          conversationId?: string|null;
          seq?: number|Long|null;
          fromUserId?: number|Long|null;
          fromUserName?: string|null;
          to?: cim.Destination.$Shape|null;
          body?: string|null;
          ts?: number|Long|null;
          clientMsgId?: string|null;
          recalled?: boolean|null;
          notice?: cim.Notice.$Shape|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a Notice.
     * @deprecated Use cim.Notice.$Properties instead.
     */
    interface INotice extends cim.Notice.$Properties {
    }

    /** Represents a Notice. */
    class Notice {

        /**
         * Constructs a new Notice.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Notice.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Notice kind. */
        kind: cim.Notice.Kind;

        /** Notice userIds. */
        userIds: (number|Long)[];

        /** Notice userNames. */
        userNames: string[];

        /**
         * Creates a new Notice instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Notice instance
         */
        static create(properties: cim.Notice.$Shape): cim.Notice & cim.Notice.$Shape;
        static create(properties?: cim.Notice.$Properties): cim.Notice;

        /**
         * Encodes the specified Notice message. Does not implicitly {@link cim.Notice.verify|verify} messages.
         * @param m Notice message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Notice.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Notice message, length delimited. Does not implicitly {@link cim.Notice.verify|verify} messages.
         * @param message Notice message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Notice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Notice message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Notice & cim.Notice.$Shape} Notice
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Notice & cim.Notice.$Shape;

        /**
         * Decodes a Notice message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Notice & cim.Notice.$Shape} Notice
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Notice & cim.Notice.$Shape;

        /**
         * Verifies a Notice message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Notice message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Notice
         */
        static fromObject(d: { [k: string]: any }): cim.Notice;

        /**
         * Creates a plain object from a Notice message. Also converts values to other types if specified.
         * @param m Notice
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Notice, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Notice to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Notice
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Notice {

        /** Properties of a Notice. */
        interface $Properties {

            /** Notice kind */
            kind?: (cim.Notice.Kind|null);

            /** Notice userIds */
            userIds?: ((number|Long)[]|null);

            /** Notice userNames */
            userNames?: (string[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Notice. */
        type $Shape = cim.Notice.$Properties;

        /** Kind enum. */
        enum Kind {

            /** KIND_UNSPECIFIED value */
            KIND_UNSPECIFIED = 0,

            /** MEMBERS_ADDED value */
            MEMBERS_ADDED = 1
        }
    }

    /**
     * Properties of a Deliver.
     * @deprecated Use cim.Deliver.$Properties instead.
     */
    interface IDeliver extends cim.Deliver.$Properties {
    }

    /** Represents a Deliver. */
    class Deliver {

        /**
         * Constructs a new Deliver.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Deliver.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Deliver message. */
        message?: (cim.Message.$Properties|null);

        /** Deliver cursor. */
        cursor: (number|Long);

        /**
         * Creates a new Deliver instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Deliver instance
         */
        static create(properties: cim.Deliver.$Shape): cim.Deliver & cim.Deliver.$Shape;
        static create(properties?: cim.Deliver.$Properties): cim.Deliver;

        /**
         * Encodes the specified Deliver message. Does not implicitly {@link cim.Deliver.verify|verify} messages.
         * @param m Deliver message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Deliver.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Deliver message, length delimited. Does not implicitly {@link cim.Deliver.verify|verify} messages.
         * @param message Deliver message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Deliver.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Deliver message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Deliver & cim.Deliver.$Shape} Deliver
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Deliver & cim.Deliver.$Shape;

        /**
         * Decodes a Deliver message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Deliver & cim.Deliver.$Shape} Deliver
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Deliver & cim.Deliver.$Shape;

        /**
         * Verifies a Deliver message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Deliver message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Deliver
         */
        static fromObject(d: { [k: string]: any }): cim.Deliver;

        /**
         * Creates a plain object from a Deliver message. Also converts values to other types if specified.
         * @param m Deliver
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Deliver, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Deliver to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Deliver
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Deliver {

        /** Properties of a Deliver. */
        interface $Properties {

            /** Deliver message */
            message?: (cim.Message.$Properties|null);

            /** Deliver cursor */
            cursor?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Deliver. */
        type $Shape = {
          message?: cim.Message.$Shape|null;
          cursor?: number|Long|null;
          $unknowns?: Uint8Array[];
        };
    }

    /**
     * Properties of a SendResult.
     * @deprecated Use cim.SendResult.$Properties instead.
     */
    interface ISendResult extends cim.SendResult.$Properties {
    }

    /** Represents a SendResult. */
    class SendResult {

        /**
         * Constructs a new SendResult.
         * @param [p] Properties to set
         */
        constructor(p?: cim.SendResult.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** SendResult clientMsgId. */
        clientMsgId: string;

        /** SendResult msgId. */
        msgId: (number|Long);

        /** SendResult conversationId. */
        conversationId: string;

        /** SendResult seq. */
        seq: (number|Long);

        /** SendResult ts. */
        ts: (number|Long);

        /** SendResult error. */
        error?: (cim.Error.$Properties|null);

        /**
         * Creates a new SendResult instance using the specified properties.
         * @param [properties] Properties to set
         * @returns SendResult instance
         */
        static create(properties: cim.SendResult.$Shape): cim.SendResult & cim.SendResult.$Shape;
        static create(properties?: cim.SendResult.$Properties): cim.SendResult;

        /**
         * Encodes the specified SendResult message. Does not implicitly {@link cim.SendResult.verify|verify} messages.
         * @param m SendResult message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.SendResult.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified SendResult message, length delimited. Does not implicitly {@link cim.SendResult.verify|verify} messages.
         * @param message SendResult message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.SendResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a SendResult message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.SendResult & cim.SendResult.$Shape} SendResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.SendResult & cim.SendResult.$Shape;

        /**
         * Decodes a SendResult message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.SendResult & cim.SendResult.$Shape} SendResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.SendResult & cim.SendResult.$Shape;

        /**
         * Verifies a SendResult message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a SendResult message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns SendResult
         */
        static fromObject(d: { [k: string]: any }): cim.SendResult;

        /**
         * Creates a plain object from a SendResult message. Also converts values to other types if specified.
         * @param m SendResult
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.SendResult, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this SendResult to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for SendResult
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace SendResult {

        /** Properties of a SendResult. */
        interface $Properties {

            /** SendResult clientMsgId */
            clientMsgId?: (string|null);

            /** SendResult msgId */
            msgId?: (number|Long|null);

            /** SendResult conversationId */
            conversationId?: (string|null);

            /** SendResult seq */
            seq?: (number|Long|null);

            /** SendResult ts */
            ts?: (number|Long|null);

            /** SendResult error */
            error?: (cim.Error.$Properties|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a SendResult. */
        type $Shape = cim.SendResult.$Properties;
    }

    /**
     * Properties of a Receipt.
     * @deprecated Use cim.Receipt.$Properties instead.
     */
    interface IReceipt extends cim.Receipt.$Properties {
    }

    /** Represents a Receipt. */
    class Receipt {

        /**
         * Constructs a new Receipt.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Receipt.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Receipt kind. */
        kind: cim.Receipt.Kind;

        /** Receipt conversationId. */
        conversationId: string;

        /** Receipt msgId. */
        msgId: (number|Long);

        /** Receipt seq. */
        seq: (number|Long);

        /** Receipt byUserId. */
        byUserId: (number|Long);

        /**
         * Creates a new Receipt instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Receipt instance
         */
        static create(properties: cim.Receipt.$Shape): cim.Receipt & cim.Receipt.$Shape;
        static create(properties?: cim.Receipt.$Properties): cim.Receipt;

        /**
         * Encodes the specified Receipt message. Does not implicitly {@link cim.Receipt.verify|verify} messages.
         * @param m Receipt message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Receipt.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Receipt message, length delimited. Does not implicitly {@link cim.Receipt.verify|verify} messages.
         * @param message Receipt message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Receipt.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Receipt message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Receipt & cim.Receipt.$Shape} Receipt
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Receipt & cim.Receipt.$Shape;

        /**
         * Decodes a Receipt message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Receipt & cim.Receipt.$Shape} Receipt
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Receipt & cim.Receipt.$Shape;

        /**
         * Verifies a Receipt message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Receipt message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Receipt
         */
        static fromObject(d: { [k: string]: any }): cim.Receipt;

        /**
         * Creates a plain object from a Receipt message. Also converts values to other types if specified.
         * @param m Receipt
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Receipt, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Receipt to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Receipt
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Receipt {

        /** Properties of a Receipt. */
        interface $Properties {

            /** Receipt kind */
            kind?: (cim.Receipt.Kind|null);

            /** Receipt conversationId */
            conversationId?: (string|null);

            /** Receipt msgId */
            msgId?: (number|Long|null);

            /** Receipt seq */
            seq?: (number|Long|null);

            /** Receipt byUserId */
            byUserId?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Receipt. */
        type $Shape = cim.Receipt.$Properties;

        /** Kind enum. */
        enum Kind {

            /** KIND_UNSPECIFIED value */
            KIND_UNSPECIFIED = 0,

            /** STORED value */
            STORED = 1,

            /** DELIVERED value */
            DELIVERED = 2,

            /** READ value */
            READ = 3
        }
    }

    /**
     * Properties of a Recalled.
     * @deprecated Use cim.Recalled.$Properties instead.
     */
    interface IRecalled extends cim.Recalled.$Properties {
    }

    /** Represents a Recalled. */
    class Recalled {

        /**
         * Constructs a new Recalled.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Recalled.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Recalled msgId. */
        msgId: (number|Long);

        /** Recalled conversationId. */
        conversationId: string;

        /** Recalled seq. */
        seq: (number|Long);

        /** Recalled byUserId. */
        byUserId: (number|Long);

        /**
         * Creates a new Recalled instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Recalled instance
         */
        static create(properties: cim.Recalled.$Shape): cim.Recalled & cim.Recalled.$Shape;
        static create(properties?: cim.Recalled.$Properties): cim.Recalled;

        /**
         * Encodes the specified Recalled message. Does not implicitly {@link cim.Recalled.verify|verify} messages.
         * @param m Recalled message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Recalled.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Recalled message, length delimited. Does not implicitly {@link cim.Recalled.verify|verify} messages.
         * @param message Recalled message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Recalled.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Recalled message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Recalled & cim.Recalled.$Shape} Recalled
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Recalled & cim.Recalled.$Shape;

        /**
         * Decodes a Recalled message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Recalled & cim.Recalled.$Shape} Recalled
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Recalled & cim.Recalled.$Shape;

        /**
         * Verifies a Recalled message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Recalled message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Recalled
         */
        static fromObject(d: { [k: string]: any }): cim.Recalled;

        /**
         * Creates a plain object from a Recalled message. Also converts values to other types if specified.
         * @param m Recalled
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Recalled, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Recalled to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Recalled
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Recalled {

        /** Properties of a Recalled. */
        interface $Properties {

            /** Recalled msgId */
            msgId?: (number|Long|null);

            /** Recalled conversationId */
            conversationId?: (string|null);

            /** Recalled seq */
            seq?: (number|Long|null);

            /** Recalled byUserId */
            byUserId?: (number|Long|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Recalled. */
        type $Shape = cim.Recalled.$Properties;
    }

    /**
     * Properties of a Kick.
     * @deprecated Use cim.Kick.$Properties instead.
     */
    interface IKick extends cim.Kick.$Properties {
    }

    /** Represents a Kick. */
    class Kick {

        /**
         * Constructs a new Kick.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Kick.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Kick reason. */
        reason: string;

        /**
         * Creates a new Kick instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Kick instance
         */
        static create(properties: cim.Kick.$Shape): cim.Kick & cim.Kick.$Shape;
        static create(properties?: cim.Kick.$Properties): cim.Kick;

        /**
         * Encodes the specified Kick message. Does not implicitly {@link cim.Kick.verify|verify} messages.
         * @param m Kick message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Kick.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Kick message, length delimited. Does not implicitly {@link cim.Kick.verify|verify} messages.
         * @param message Kick message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Kick.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Kick message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Kick & cim.Kick.$Shape} Kick
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Kick & cim.Kick.$Shape;

        /**
         * Decodes a Kick message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Kick & cim.Kick.$Shape} Kick
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Kick & cim.Kick.$Shape;

        /**
         * Verifies a Kick message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Kick message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Kick
         */
        static fromObject(d: { [k: string]: any }): cim.Kick;

        /**
         * Creates a plain object from a Kick message. Also converts values to other types if specified.
         * @param m Kick
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Kick, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Kick to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Kick
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Kick {

        /** Properties of a Kick. */
        interface $Properties {

            /** Kick reason */
            reason?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Kick. */
        type $Shape = cim.Kick.$Properties;
    }

    /**
     * Properties of a Redirect.
     * @deprecated Use cim.Redirect.$Properties instead.
     */
    interface IRedirect extends cim.Redirect.$Properties {
    }

    /** Represents a Redirect. */
    class Redirect {

        /**
         * Constructs a new Redirect.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Redirect.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Redirect reason. */
        reason: string;

        /**
         * Creates a new Redirect instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Redirect instance
         */
        static create(properties: cim.Redirect.$Shape): cim.Redirect & cim.Redirect.$Shape;
        static create(properties?: cim.Redirect.$Properties): cim.Redirect;

        /**
         * Encodes the specified Redirect message. Does not implicitly {@link cim.Redirect.verify|verify} messages.
         * @param m Redirect message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Redirect.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Redirect message, length delimited. Does not implicitly {@link cim.Redirect.verify|verify} messages.
         * @param message Redirect message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Redirect.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a Redirect message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Redirect & cim.Redirect.$Shape} Redirect
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Redirect & cim.Redirect.$Shape;

        /**
         * Decodes a Redirect message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Redirect & cim.Redirect.$Shape} Redirect
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Redirect & cim.Redirect.$Shape;

        /**
         * Verifies a Redirect message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a Redirect message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Redirect
         */
        static fromObject(d: { [k: string]: any }): cim.Redirect;

        /**
         * Creates a plain object from a Redirect message. Also converts values to other types if specified.
         * @param m Redirect
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Redirect, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Redirect to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Redirect
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Redirect {

        /** Properties of a Redirect. */
        interface $Properties {

            /** Redirect reason */
            reason?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a Redirect. */
        type $Shape = cim.Redirect.$Properties;
    }

    /**
     * Properties of an Error.
     * @deprecated Use cim.Error.$Properties instead.
     */
    interface IError extends cim.Error.$Properties {
    }

    /** Represents an Error. */
    class Error {

        /**
         * Constructs a new Error.
         * @param [p] Properties to set
         */
        constructor(p?: cim.Error.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** Error code. */
        code: string;

        /** Error message. */
        message: string;

        /**
         * Creates a new Error instance using the specified properties.
         * @param [properties] Properties to set
         * @returns Error instance
         */
        static create(properties: cim.Error.$Shape): cim.Error & cim.Error.$Shape;
        static create(properties?: cim.Error.$Properties): cim.Error;

        /**
         * Encodes the specified Error message. Does not implicitly {@link cim.Error.verify|verify} messages.
         * @param m Error message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.Error.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified Error message, length delimited. Does not implicitly {@link cim.Error.verify|verify} messages.
         * @param message Error message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes an Error message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.Error & cim.Error.$Shape} Error
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.Error & cim.Error.$Shape;

        /**
         * Decodes an Error message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.Error & cim.Error.$Shape} Error
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.Error & cim.Error.$Shape;

        /**
         * Verifies an Error message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates an Error message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns Error
         */
        static fromObject(d: { [k: string]: any }): cim.Error;

        /**
         * Creates a plain object from an Error message. Also converts values to other types if specified.
         * @param m Error
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.Error, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this Error to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for Error
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace Error {

        /** Properties of an Error. */
        interface $Properties {

            /** Error code */
            code?: (string|null);

            /** Error message */
            message?: (string|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of an Error. */
        type $Shape = cim.Error.$Properties;
    }

    /**
     * Properties of a CaughtUp.
     * @deprecated Use cim.CaughtUp.$Properties instead.
     */
    interface ICaughtUp extends cim.CaughtUp.$Properties {
    }

    /** Represents a CaughtUp. */
    class CaughtUp {

        /**
         * Constructs a new CaughtUp.
         * @param [p] Properties to set
         */
        constructor(p?: cim.CaughtUp.$Properties);

        /** Unknown fields preserved while decoding when enabled */
        $unknowns?: Uint8Array[];

        /** CaughtUp cursor. */
        cursor: (number|Long);

        /** CaughtUp conversations. */
        conversations: cim.ConversationCursor.$Properties[];

        /**
         * Creates a new CaughtUp instance using the specified properties.
         * @param [properties] Properties to set
         * @returns CaughtUp instance
         */
        static create(properties: cim.CaughtUp.$Shape): cim.CaughtUp & cim.CaughtUp.$Shape;
        static create(properties?: cim.CaughtUp.$Properties): cim.CaughtUp;

        /**
         * Encodes the specified CaughtUp message. Does not implicitly {@link cim.CaughtUp.verify|verify} messages.
         * @param m CaughtUp message or plain object to encode
         * @param [w] Writer to encode to
         * @returns Writer
         */
        static encode(m: cim.CaughtUp.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Encodes the specified CaughtUp message, length delimited. Does not implicitly {@link cim.CaughtUp.verify|verify} messages.
         * @param message CaughtUp message or plain object to encode
         * @param [writer] Writer to encode to
         * @returns Writer
         */
        static encodeDelimited(message: cim.CaughtUp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

        /**
         * Decodes a CaughtUp message from the specified reader or buffer.
         * @param r Reader or buffer to decode from
         * @param [l] Message length if known beforehand
         * @returns {cim.CaughtUp & cim.CaughtUp.$Shape} CaughtUp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): cim.CaughtUp & cim.CaughtUp.$Shape;

        /**
         * Decodes a CaughtUp message from the specified reader or buffer, length delimited.
         * @param reader Reader or buffer to decode from
         * @returns {cim.CaughtUp & cim.CaughtUp.$Shape} CaughtUp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): cim.CaughtUp & cim.CaughtUp.$Shape;

        /**
         * Verifies a CaughtUp message.
         * @param m Plain object to verify
         * @returns `null` if valid, otherwise the reason why it is not
         */
        static verify(m: { [k: string]: any }): (string|null);

        /**
         * Creates a CaughtUp message from a plain object. Also converts values to their respective internal types.
         * @param d Plain object
         * @returns CaughtUp
         */
        static fromObject(d: { [k: string]: any }): cim.CaughtUp;

        /**
         * Creates a plain object from a CaughtUp message. Also converts values to other types if specified.
         * @param m CaughtUp
         * @param [o] Conversion options
         * @returns Plain object
         */
        static toObject(m: cim.CaughtUp, o?: $protobuf.IConversionOptions): { [k: string]: any };

        /**
         * Converts this CaughtUp to JSON.
         * @returns JSON object
         */
        toJSON(): { [k: string]: any };

        /**
         * Gets the type url for CaughtUp
         * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns The type url
         */
        static getTypeUrl(prefix?: string): string;
    }

    namespace CaughtUp {

        /** Properties of a CaughtUp. */
        interface $Properties {

            /** CaughtUp cursor */
            cursor?: (number|Long|null);

            /** CaughtUp conversations */
            conversations?: (cim.ConversationCursor.$Properties[]|null);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];
        }

        /** Shape of a CaughtUp. */
        type $Shape = cim.CaughtUp.$Properties;
    }
}
