/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $Array = $util.global.Array, $String = $util.global.String, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const cim = $root.cim = (() => {

    /**
     * Namespace cim.
     * @exports cim
     * @namespace
     */
    const cim = {};

    cim.Frame = (function() {

        /**
         * Properties of a Frame.
         * @typedef {Object} cim.Frame.$Properties
         * @property {number|null} [requestId] Frame requestId
         * @property {cim.Login.$Properties|null} [login] Frame login
         * @property {cim.Ping.$Properties|null} [ping] Frame ping
         * @property {cim.Ack.$Properties|null} [ack] Frame ack
         * @property {cim.Send.$Properties|null} [send] Frame send
         * @property {cim.Read.$Properties|null} [read] Frame read
         * @property {cim.Logout.$Properties|null} [logout] Frame logout
         * @property {cim.LoginOk.$Properties|null} [loginOk] Frame loginOk
         * @property {cim.Pong.$Properties|null} [pong] Frame pong
         * @property {cim.Deliver.$Properties|null} [deliver] Frame deliver
         * @property {cim.SendResult.$Properties|null} [sendResult] Frame sendResult
         * @property {cim.Receipt.$Properties|null} [receipt] Frame receipt
         * @property {cim.Recalled.$Properties|null} [recalled] Frame recalled
         * @property {cim.Kick.$Properties|null} [kick] Frame kick
         * @property {cim.Redirect.$Properties|null} [redirect] Frame redirect
         * @property {cim.Error.$Properties|null} [error] Frame error
         * @property {cim.CaughtUp.$Properties|null} [caughtUp] Frame caughtUp
         * @property {"login"|"ping"|"ack"|"send"|"read"|"logout"|"loginOk"|"pong"|"deliver"|"sendResult"|"receipt"|"recalled"|"kick"|"redirect"|"error"|"caughtUp"} [body] Frame body
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Frame.
         * @memberof cim
         * @interface IFrame
         * @augments cim.Frame.$Properties
         * @deprecated Use cim.Frame.$Properties instead.
         */

        /**
         * Narrowed shape of a Frame.
         * @typedef {{
         *   requestId?: number|null;
         *   login?: cim.Login.$Shape|null;
         *   ping?: cim.Ping.$Shape|null;
         *   ack?: cim.Ack.$Shape|null;
         *   send?: cim.Send.$Shape|null;
         *   read?: cim.Read.$Shape|null;
         *   logout?: cim.Logout.$Shape|null;
         *   loginOk?: cim.LoginOk.$Shape|null;
         *   pong?: cim.Pong.$Shape|null;
         *   deliver?: cim.Deliver.$Shape|null;
         *   sendResult?: cim.SendResult.$Shape|null;
         *   receipt?: cim.Receipt.$Shape|null;
         *   recalled?: cim.Recalled.$Shape|null;
         *   kick?: cim.Kick.$Shape|null;
         *   redirect?: cim.Redirect.$Shape|null;
         *   error?: cim.Error.$Shape|null;
         *   caughtUp?: cim.CaughtUp.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ body?: undefined; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "login"; login: cim.Login.$Shape; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "ping"; login?: null; ping: cim.Ping.$Shape; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "ack"; login?: null; ping?: null; ack: cim.Ack.$Shape; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "send"; login?: null; ping?: null; ack?: null; send: cim.Send.$Shape; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "read"; login?: null; ping?: null; ack?: null; send?: null; read: cim.Read.$Shape; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "logout"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout: cim.Logout.$Shape; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "loginOk"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk: cim.LoginOk.$Shape; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "pong"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong: cim.Pong.$Shape; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "deliver"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver: cim.Deliver.$Shape; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "sendResult"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult: cim.SendResult.$Shape; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "receipt"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt: cim.Receipt.$Shape; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "recalled"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled: cim.Recalled.$Shape; kick?: null; redirect?: null; error?: null; caughtUp?: null }|{ body?: "kick"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick: cim.Kick.$Shape; redirect?: null; error?: null; caughtUp?: null }|{ body?: "redirect"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect: cim.Redirect.$Shape; error?: null; caughtUp?: null }|{ body?: "error"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error: cim.Error.$Shape; caughtUp?: null }|{ body?: "caughtUp"; login?: null; ping?: null; ack?: null; send?: null; read?: null; logout?: null; loginOk?: null; pong?: null; deliver?: null; sendResult?: null; receipt?: null; recalled?: null; kick?: null; redirect?: null; error?: null; caughtUp: cim.CaughtUp.$Shape })
         * )} cim.Frame.$Shape
         */

        /**
         * Constructs a new Frame.
         * @memberof cim
         * @classdesc Represents a Frame.
         * @constructor
         * @param {cim.Frame.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Frame = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Frame requestId.
         * @member {number} requestId
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.requestId = 0;

        /**
         * Frame login.
         * @member {cim.Login.$Properties|null|undefined} login
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.login = null;

        /**
         * Frame ping.
         * @member {cim.Ping.$Properties|null|undefined} ping
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.ping = null;

        /**
         * Frame ack.
         * @member {cim.Ack.$Properties|null|undefined} ack
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.ack = null;

        /**
         * Frame send.
         * @member {cim.Send.$Properties|null|undefined} send
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.send = null;

        /**
         * Frame read.
         * @member {cim.Read.$Properties|null|undefined} read
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.read = null;

        /**
         * Frame logout.
         * @member {cim.Logout.$Properties|null|undefined} logout
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.logout = null;

        /**
         * Frame loginOk.
         * @member {cim.LoginOk.$Properties|null|undefined} loginOk
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.loginOk = null;

        /**
         * Frame pong.
         * @member {cim.Pong.$Properties|null|undefined} pong
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.pong = null;

        /**
         * Frame deliver.
         * @member {cim.Deliver.$Properties|null|undefined} deliver
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.deliver = null;

        /**
         * Frame sendResult.
         * @member {cim.SendResult.$Properties|null|undefined} sendResult
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.sendResult = null;

        /**
         * Frame receipt.
         * @member {cim.Receipt.$Properties|null|undefined} receipt
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.receipt = null;

        /**
         * Frame recalled.
         * @member {cim.Recalled.$Properties|null|undefined} recalled
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.recalled = null;

        /**
         * Frame kick.
         * @member {cim.Kick.$Properties|null|undefined} kick
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.kick = null;

        /**
         * Frame redirect.
         * @member {cim.Redirect.$Properties|null|undefined} redirect
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.redirect = null;

        /**
         * Frame error.
         * @member {cim.Error.$Properties|null|undefined} error
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.error = null;

        /**
         * Frame caughtUp.
         * @member {cim.CaughtUp.$Properties|null|undefined} caughtUp
         * @memberof cim.Frame
         * @instance
         */
        Frame.prototype.caughtUp = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * Frame body.
         * @member {"login"|"ping"|"ack"|"send"|"read"|"logout"|"loginOk"|"pong"|"deliver"|"sendResult"|"receipt"|"recalled"|"kick"|"redirect"|"error"|"caughtUp"|undefined} body
         * @memberof cim.Frame
         * @instance
         */
        $Object.defineProperty(Frame.prototype, "body", {
            get: $util.oneOfGetter($oneOfFields = ["login", "ping", "ack", "send", "read", "logout", "loginOk", "pong", "deliver", "sendResult", "receipt", "recalled", "kick", "redirect", "error", "caughtUp"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new Frame instance using the specified properties.
         * @function create
         * @memberof cim.Frame
         * @static
         * @param {cim.Frame.$Properties=} [properties] Properties to set
         * @returns {cim.Frame} Frame instance
         * @type {{
         *   (properties: cim.Frame.$Shape): cim.Frame & cim.Frame.$Shape;
         *   (properties?: cim.Frame.$Properties): cim.Frame;
         * }}
         */
        Frame.create = function(properties) {
            return new Frame(properties);
        };

        /**
         * Encodes the specified Frame message. Does not implicitly {@link cim.Frame.verify|verify} messages.
         * @function encode
         * @memberof cim.Frame
         * @static
         * @param {cim.Frame.$Properties} m Frame message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Frame.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId") && m.requestId !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).uint32(m.requestId);
            if (m.login != null && $Object.hasOwnProperty.call(m, "login"))
                $root.cim.Login.encode(m.login, w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
            if (m.ping != null && $Object.hasOwnProperty.call(m, "ping"))
                $root.cim.Ping.encode(m.ping, w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
            if (m.ack != null && $Object.hasOwnProperty.call(m, "ack"))
                $root.cim.Ack.encode(m.ack, w.uint32(/* id 12, wireType 2 =*/98).fork(), q + 1).ldelim();
            if (m.send != null && $Object.hasOwnProperty.call(m, "send"))
                $root.cim.Send.encode(m.send, w.uint32(/* id 13, wireType 2 =*/106).fork(), q + 1).ldelim();
            if (m.read != null && $Object.hasOwnProperty.call(m, "read"))
                $root.cim.Read.encode(m.read, w.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
            if (m.logout != null && $Object.hasOwnProperty.call(m, "logout"))
                $root.cim.Logout.encode(m.logout, w.uint32(/* id 15, wireType 2 =*/122).fork(), q + 1).ldelim();
            if (m.loginOk != null && $Object.hasOwnProperty.call(m, "loginOk"))
                $root.cim.LoginOk.encode(m.loginOk, w.uint32(/* id 30, wireType 2 =*/242).fork(), q + 1).ldelim();
            if (m.pong != null && $Object.hasOwnProperty.call(m, "pong"))
                $root.cim.Pong.encode(m.pong, w.uint32(/* id 31, wireType 2 =*/250).fork(), q + 1).ldelim();
            if (m.deliver != null && $Object.hasOwnProperty.call(m, "deliver"))
                $root.cim.Deliver.encode(m.deliver, w.uint32(/* id 32, wireType 2 =*/258).fork(), q + 1).ldelim();
            if (m.sendResult != null && $Object.hasOwnProperty.call(m, "sendResult"))
                $root.cim.SendResult.encode(m.sendResult, w.uint32(/* id 33, wireType 2 =*/266).fork(), q + 1).ldelim();
            if (m.receipt != null && $Object.hasOwnProperty.call(m, "receipt"))
                $root.cim.Receipt.encode(m.receipt, w.uint32(/* id 34, wireType 2 =*/274).fork(), q + 1).ldelim();
            if (m.recalled != null && $Object.hasOwnProperty.call(m, "recalled"))
                $root.cim.Recalled.encode(m.recalled, w.uint32(/* id 35, wireType 2 =*/282).fork(), q + 1).ldelim();
            if (m.kick != null && $Object.hasOwnProperty.call(m, "kick"))
                $root.cim.Kick.encode(m.kick, w.uint32(/* id 36, wireType 2 =*/290).fork(), q + 1).ldelim();
            if (m.redirect != null && $Object.hasOwnProperty.call(m, "redirect"))
                $root.cim.Redirect.encode(m.redirect, w.uint32(/* id 37, wireType 2 =*/298).fork(), q + 1).ldelim();
            if (m.error != null && $Object.hasOwnProperty.call(m, "error"))
                $root.cim.Error.encode(m.error, w.uint32(/* id 38, wireType 2 =*/306).fork(), q + 1).ldelim();
            if (m.caughtUp != null && $Object.hasOwnProperty.call(m, "caughtUp"))
                $root.cim.CaughtUp.encode(m.caughtUp, w.uint32(/* id 39, wireType 2 =*/314).fork(), q + 1).ldelim();
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Frame message, length delimited. Does not implicitly {@link cim.Frame.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Frame
         * @static
         * @param {cim.Frame.$Properties} message Frame message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Frame.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Frame message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Frame
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Frame & cim.Frame.$Shape} Frame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Frame.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Frame();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.uint32())
                            m.requestId = v;
                        else
                            delete m.requestId;
                        continue;
                    }
                case 10: {
                        if (u !== 2)
                            break;
                        m.login = $root.cim.Login.decode(r, r.size(), $undefined, q + 1, m.login);
                        m.body = "login";
                        continue;
                    }
                case 11: {
                        if (u !== 2)
                            break;
                        m.ping = $root.cim.Ping.decode(r, r.size(), $undefined, q + 1, m.ping);
                        m.body = "ping";
                        continue;
                    }
                case 12: {
                        if (u !== 2)
                            break;
                        m.ack = $root.cim.Ack.decode(r, r.size(), $undefined, q + 1, m.ack);
                        m.body = "ack";
                        continue;
                    }
                case 13: {
                        if (u !== 2)
                            break;
                        m.send = $root.cim.Send.decode(r, r.size(), $undefined, q + 1, m.send);
                        m.body = "send";
                        continue;
                    }
                case 14: {
                        if (u !== 2)
                            break;
                        m.read = $root.cim.Read.decode(r, r.size(), $undefined, q + 1, m.read);
                        m.body = "read";
                        continue;
                    }
                case 15: {
                        if (u !== 2)
                            break;
                        m.logout = $root.cim.Logout.decode(r, r.size(), $undefined, q + 1, m.logout);
                        m.body = "logout";
                        continue;
                    }
                case 30: {
                        if (u !== 2)
                            break;
                        m.loginOk = $root.cim.LoginOk.decode(r, r.size(), $undefined, q + 1, m.loginOk);
                        m.body = "loginOk";
                        continue;
                    }
                case 31: {
                        if (u !== 2)
                            break;
                        m.pong = $root.cim.Pong.decode(r, r.size(), $undefined, q + 1, m.pong);
                        m.body = "pong";
                        continue;
                    }
                case 32: {
                        if (u !== 2)
                            break;
                        m.deliver = $root.cim.Deliver.decode(r, r.size(), $undefined, q + 1, m.deliver);
                        m.body = "deliver";
                        continue;
                    }
                case 33: {
                        if (u !== 2)
                            break;
                        m.sendResult = $root.cim.SendResult.decode(r, r.size(), $undefined, q + 1, m.sendResult);
                        m.body = "sendResult";
                        continue;
                    }
                case 34: {
                        if (u !== 2)
                            break;
                        m.receipt = $root.cim.Receipt.decode(r, r.size(), $undefined, q + 1, m.receipt);
                        m.body = "receipt";
                        continue;
                    }
                case 35: {
                        if (u !== 2)
                            break;
                        m.recalled = $root.cim.Recalled.decode(r, r.size(), $undefined, q + 1, m.recalled);
                        m.body = "recalled";
                        continue;
                    }
                case 36: {
                        if (u !== 2)
                            break;
                        m.kick = $root.cim.Kick.decode(r, r.size(), $undefined, q + 1, m.kick);
                        m.body = "kick";
                        continue;
                    }
                case 37: {
                        if (u !== 2)
                            break;
                        m.redirect = $root.cim.Redirect.decode(r, r.size(), $undefined, q + 1, m.redirect);
                        m.body = "redirect";
                        continue;
                    }
                case 38: {
                        if (u !== 2)
                            break;
                        m.error = $root.cim.Error.decode(r, r.size(), $undefined, q + 1, m.error);
                        m.body = "error";
                        continue;
                    }
                case 39: {
                        if (u !== 2)
                            break;
                        m.caughtUp = $root.cim.CaughtUp.decode(r, r.size(), $undefined, q + 1, m.caughtUp);
                        m.body = "caughtUp";
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Frame message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Frame
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Frame & cim.Frame.$Shape} Frame
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Frame.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Frame message.
         * @function verify
         * @memberof cim.Frame
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Frame.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            var p = {};
            if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId")) {
                if (!$util.isInteger(m.requestId))
                    return "requestId: integer expected";
            }
            if (m.login != null && $Object.hasOwnProperty.call(m, "login")) {
                p.body = 1;
                {
                    var e = $root.cim.Login.verify(m.login, q + 1);
                    if (e)
                        return "login." + e;
                }
            }
            if (m.ping != null && $Object.hasOwnProperty.call(m, "ping")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.Ping.verify(m.ping, q + 1);
                    if (e)
                        return "ping." + e;
                }
            }
            if (m.ack != null && $Object.hasOwnProperty.call(m, "ack")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.Ack.verify(m.ack, q + 1);
                    if (e)
                        return "ack." + e;
                }
            }
            if (m.send != null && $Object.hasOwnProperty.call(m, "send")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.Send.verify(m.send, q + 1);
                    if (e)
                        return "send." + e;
                }
            }
            if (m.read != null && $Object.hasOwnProperty.call(m, "read")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.Read.verify(m.read, q + 1);
                    if (e)
                        return "read." + e;
                }
            }
            if (m.logout != null && $Object.hasOwnProperty.call(m, "logout")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.Logout.verify(m.logout, q + 1);
                    if (e)
                        return "logout." + e;
                }
            }
            if (m.loginOk != null && $Object.hasOwnProperty.call(m, "loginOk")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.LoginOk.verify(m.loginOk, q + 1);
                    if (e)
                        return "loginOk." + e;
                }
            }
            if (m.pong != null && $Object.hasOwnProperty.call(m, "pong")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.Pong.verify(m.pong, q + 1);
                    if (e)
                        return "pong." + e;
                }
            }
            if (m.deliver != null && $Object.hasOwnProperty.call(m, "deliver")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.Deliver.verify(m.deliver, q + 1);
                    if (e)
                        return "deliver." + e;
                }
            }
            if (m.sendResult != null && $Object.hasOwnProperty.call(m, "sendResult")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.SendResult.verify(m.sendResult, q + 1);
                    if (e)
                        return "sendResult." + e;
                }
            }
            if (m.receipt != null && $Object.hasOwnProperty.call(m, "receipt")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.Receipt.verify(m.receipt, q + 1);
                    if (e)
                        return "receipt." + e;
                }
            }
            if (m.recalled != null && $Object.hasOwnProperty.call(m, "recalled")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.Recalled.verify(m.recalled, q + 1);
                    if (e)
                        return "recalled." + e;
                }
            }
            if (m.kick != null && $Object.hasOwnProperty.call(m, "kick")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.Kick.verify(m.kick, q + 1);
                    if (e)
                        return "kick." + e;
                }
            }
            if (m.redirect != null && $Object.hasOwnProperty.call(m, "redirect")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.Redirect.verify(m.redirect, q + 1);
                    if (e)
                        return "redirect." + e;
                }
            }
            if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.Error.verify(m.error, q + 1);
                    if (e)
                        return "error." + e;
                }
            }
            if (m.caughtUp != null && $Object.hasOwnProperty.call(m, "caughtUp")) {
                if (p.body === 1)
                    return "body: multiple values";
                p.body = 1;
                {
                    var e = $root.cim.CaughtUp.verify(m.caughtUp, q + 1);
                    if (e)
                        return "caughtUp." + e;
                }
            }
            return null;
        };

        /**
         * Creates a Frame message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Frame
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Frame} Frame
         */
        Frame.fromObject = function (d, q) {
            if (d instanceof $root.cim.Frame)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Frame: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Frame();
            if (d.requestId != null) {
                if ($Number(d.requestId) !== 0) {
                    m.requestId = d.requestId >>> 0;
                }
            }
            if (d.login != null) {
                if (!$util.isObject(d.login))
                    throw $TypeError(".cim.Frame.login: object expected");
                m.login = $root.cim.Login.fromObject(d.login, q + 1);
            }
            if (d.ping != null) {
                if (!$util.isObject(d.ping))
                    throw $TypeError(".cim.Frame.ping: object expected");
                m.ping = $root.cim.Ping.fromObject(d.ping, q + 1);
            }
            if (d.ack != null) {
                if (!$util.isObject(d.ack))
                    throw $TypeError(".cim.Frame.ack: object expected");
                m.ack = $root.cim.Ack.fromObject(d.ack, q + 1);
            }
            if (d.send != null) {
                if (!$util.isObject(d.send))
                    throw $TypeError(".cim.Frame.send: object expected");
                m.send = $root.cim.Send.fromObject(d.send, q + 1);
            }
            if (d.read != null) {
                if (!$util.isObject(d.read))
                    throw $TypeError(".cim.Frame.read: object expected");
                m.read = $root.cim.Read.fromObject(d.read, q + 1);
            }
            if (d.logout != null) {
                if (!$util.isObject(d.logout))
                    throw $TypeError(".cim.Frame.logout: object expected");
                m.logout = $root.cim.Logout.fromObject(d.logout, q + 1);
            }
            if (d.loginOk != null) {
                if (!$util.isObject(d.loginOk))
                    throw $TypeError(".cim.Frame.loginOk: object expected");
                m.loginOk = $root.cim.LoginOk.fromObject(d.loginOk, q + 1);
            }
            if (d.pong != null) {
                if (!$util.isObject(d.pong))
                    throw $TypeError(".cim.Frame.pong: object expected");
                m.pong = $root.cim.Pong.fromObject(d.pong, q + 1);
            }
            if (d.deliver != null) {
                if (!$util.isObject(d.deliver))
                    throw $TypeError(".cim.Frame.deliver: object expected");
                m.deliver = $root.cim.Deliver.fromObject(d.deliver, q + 1);
            }
            if (d.sendResult != null) {
                if (!$util.isObject(d.sendResult))
                    throw $TypeError(".cim.Frame.sendResult: object expected");
                m.sendResult = $root.cim.SendResult.fromObject(d.sendResult, q + 1);
            }
            if (d.receipt != null) {
                if (!$util.isObject(d.receipt))
                    throw $TypeError(".cim.Frame.receipt: object expected");
                m.receipt = $root.cim.Receipt.fromObject(d.receipt, q + 1);
            }
            if (d.recalled != null) {
                if (!$util.isObject(d.recalled))
                    throw $TypeError(".cim.Frame.recalled: object expected");
                m.recalled = $root.cim.Recalled.fromObject(d.recalled, q + 1);
            }
            if (d.kick != null) {
                if (!$util.isObject(d.kick))
                    throw $TypeError(".cim.Frame.kick: object expected");
                m.kick = $root.cim.Kick.fromObject(d.kick, q + 1);
            }
            if (d.redirect != null) {
                if (!$util.isObject(d.redirect))
                    throw $TypeError(".cim.Frame.redirect: object expected");
                m.redirect = $root.cim.Redirect.fromObject(d.redirect, q + 1);
            }
            if (d.error != null) {
                if (!$util.isObject(d.error))
                    throw $TypeError(".cim.Frame.error: object expected");
                m.error = $root.cim.Error.fromObject(d.error, q + 1);
            }
            if (d.caughtUp != null) {
                if (!$util.isObject(d.caughtUp))
                    throw $TypeError(".cim.Frame.caughtUp: object expected");
                m.caughtUp = $root.cim.CaughtUp.fromObject(d.caughtUp, q + 1);
            }
            return m;
        };

        /**
         * Creates a plain object from a Frame message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Frame
         * @static
         * @param {cim.Frame} m Frame
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Frame.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.requestId = 0;
            }
            if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId")) {
                d.requestId = m.requestId;
            }
            if (m.login != null && $Object.hasOwnProperty.call(m, "login")) {
                d.login = $root.cim.Login.toObject(m.login, o, q + 1);
                if (o.oneofs)
                    d.body = "login";
            }
            if (m.ping != null && $Object.hasOwnProperty.call(m, "ping")) {
                d.ping = $root.cim.Ping.toObject(m.ping, o, q + 1);
                if (o.oneofs)
                    d.body = "ping";
            }
            if (m.ack != null && $Object.hasOwnProperty.call(m, "ack")) {
                d.ack = $root.cim.Ack.toObject(m.ack, o, q + 1);
                if (o.oneofs)
                    d.body = "ack";
            }
            if (m.send != null && $Object.hasOwnProperty.call(m, "send")) {
                d.send = $root.cim.Send.toObject(m.send, o, q + 1);
                if (o.oneofs)
                    d.body = "send";
            }
            if (m.read != null && $Object.hasOwnProperty.call(m, "read")) {
                d.read = $root.cim.Read.toObject(m.read, o, q + 1);
                if (o.oneofs)
                    d.body = "read";
            }
            if (m.logout != null && $Object.hasOwnProperty.call(m, "logout")) {
                d.logout = $root.cim.Logout.toObject(m.logout, o, q + 1);
                if (o.oneofs)
                    d.body = "logout";
            }
            if (m.loginOk != null && $Object.hasOwnProperty.call(m, "loginOk")) {
                d.loginOk = $root.cim.LoginOk.toObject(m.loginOk, o, q + 1);
                if (o.oneofs)
                    d.body = "loginOk";
            }
            if (m.pong != null && $Object.hasOwnProperty.call(m, "pong")) {
                d.pong = $root.cim.Pong.toObject(m.pong, o, q + 1);
                if (o.oneofs)
                    d.body = "pong";
            }
            if (m.deliver != null && $Object.hasOwnProperty.call(m, "deliver")) {
                d.deliver = $root.cim.Deliver.toObject(m.deliver, o, q + 1);
                if (o.oneofs)
                    d.body = "deliver";
            }
            if (m.sendResult != null && $Object.hasOwnProperty.call(m, "sendResult")) {
                d.sendResult = $root.cim.SendResult.toObject(m.sendResult, o, q + 1);
                if (o.oneofs)
                    d.body = "sendResult";
            }
            if (m.receipt != null && $Object.hasOwnProperty.call(m, "receipt")) {
                d.receipt = $root.cim.Receipt.toObject(m.receipt, o, q + 1);
                if (o.oneofs)
                    d.body = "receipt";
            }
            if (m.recalled != null && $Object.hasOwnProperty.call(m, "recalled")) {
                d.recalled = $root.cim.Recalled.toObject(m.recalled, o, q + 1);
                if (o.oneofs)
                    d.body = "recalled";
            }
            if (m.kick != null && $Object.hasOwnProperty.call(m, "kick")) {
                d.kick = $root.cim.Kick.toObject(m.kick, o, q + 1);
                if (o.oneofs)
                    d.body = "kick";
            }
            if (m.redirect != null && $Object.hasOwnProperty.call(m, "redirect")) {
                d.redirect = $root.cim.Redirect.toObject(m.redirect, o, q + 1);
                if (o.oneofs)
                    d.body = "redirect";
            }
            if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                d.error = $root.cim.Error.toObject(m.error, o, q + 1);
                if (o.oneofs)
                    d.body = "error";
            }
            if (m.caughtUp != null && $Object.hasOwnProperty.call(m, "caughtUp")) {
                d.caughtUp = $root.cim.CaughtUp.toObject(m.caughtUp, o, q + 1);
                if (o.oneofs)
                    d.body = "caughtUp";
            }
            return d;
        };

        /**
         * Converts this Frame to JSON.
         * @function toJSON
         * @memberof cim.Frame
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Frame.prototype.toJSON = function() {
            return Frame.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Frame
         * @function getTypeUrl
         * @memberof cim.Frame
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Frame.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Frame";
        };

        return Frame;
    })();

    cim.Login = (function() {

        /**
         * Properties of a Login.
         * @typedef {Object} cim.Login.$Properties
         * @property {string|null} [token] Login token
         * @property {number|Long|null} [cursor] Login cursor
         * @property {string|null} [client] Login client
         * @property {Array.<cim.ConversationCursor.$Properties>|null} [conversations] Login conversations
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Login.
         * @memberof cim
         * @interface ILogin
         * @augments cim.Login.$Properties
         * @deprecated Use cim.Login.$Properties instead.
         */

        /**
         * Shape of a Login.
         * @typedef {cim.Login.$Properties} cim.Login.$Shape
         */

        /**
         * Constructs a new Login.
         * @memberof cim
         * @classdesc Represents a Login.
         * @constructor
         * @param {cim.Login.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Login = function (p) {
            this.conversations = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Login token.
         * @member {string} token
         * @memberof cim.Login
         * @instance
         */
        Login.prototype.token = "";

        /**
         * Login cursor.
         * @member {number|Long|null|undefined} cursor
         * @memberof cim.Login
         * @instance
         */
        Login.prototype.cursor = null;

        /**
         * Login client.
         * @member {string} client
         * @memberof cim.Login
         * @instance
         */
        Login.prototype.client = "";

        /**
         * Login conversations.
         * @member {Array.<cim.ConversationCursor.$Properties>} conversations
         * @memberof cim.Login
         * @instance
         */
        Login.prototype.conversations = $util.emptyArray;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(Login.prototype, "_cursor", {
            get: $util.oneOfGetter($oneOfFields = ["cursor"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new Login instance using the specified properties.
         * @function create
         * @memberof cim.Login
         * @static
         * @param {cim.Login.$Properties=} [properties] Properties to set
         * @returns {cim.Login} Login instance
         * @type {{
         *   (properties: cim.Login.$Shape): cim.Login & cim.Login.$Shape;
         *   (properties?: cim.Login.$Properties): cim.Login;
         * }}
         */
        Login.create = function(properties) {
            return new Login(properties);
        };

        /**
         * Encodes the specified Login message. Does not implicitly {@link cim.Login.verify|verify} messages.
         * @function encode
         * @memberof cim.Login
         * @static
         * @param {cim.Login.$Properties} m Login message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Login.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.token != null && $Object.hasOwnProperty.call(m, "token") && m.token !== "")
                w.uint32(/* id 1, wireType 2 =*/10).string(m.token);
            if (m.cursor != null && $Object.hasOwnProperty.call(m, "cursor"))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.cursor);
            if (m.client != null && $Object.hasOwnProperty.call(m, "client") && m.client !== "")
                w.uint32(/* id 3, wireType 2 =*/26).string(m.client);
            if (m.conversations != null && m.conversations.length) {
                for (var i = 0; i < m.conversations.length; ++i)
                    $root.cim.ConversationCursor.encode(m.conversations[i], w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Login message, length delimited. Does not implicitly {@link cim.Login.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Login
         * @static
         * @param {cim.Login.$Properties} message Login message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Login.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Login message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Login
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Login & cim.Login.$Shape} Login
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Login.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Login();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.token = v;
                        else
                            delete m.token;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        m.cursor = r.uint64();
                        m._cursor = "cursor";
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.client = v;
                        else
                            delete m.client;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if (!(m.conversations && m.conversations.length))
                            m.conversations = [];
                        m.conversations.push($root.cim.ConversationCursor.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Login message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Login
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Login & cim.Login.$Shape} Login
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Login.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Login message.
         * @function verify
         * @memberof cim.Login
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Login.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            var p = {};
            if (m.token != null && $Object.hasOwnProperty.call(m, "token")) {
                if (!$util.isString(m.token))
                    return "token: string expected";
            }
            if (m.cursor != null && $Object.hasOwnProperty.call(m, "cursor")) {
                p._cursor = 1;
                if (!$util.isInteger(m.cursor) && !(m.cursor && $util.isInteger(m.cursor.low) && $util.isInteger(m.cursor.high)))
                    return "cursor: integer|Long expected";
            }
            if (m.client != null && $Object.hasOwnProperty.call(m, "client")) {
                if (!$util.isString(m.client))
                    return "client: string expected";
            }
            if (m.conversations != null && $Object.hasOwnProperty.call(m, "conversations")) {
                if (!$Array.isArray(m.conversations))
                    return "conversations: array expected";
                for (var i = 0; i < m.conversations.length; ++i) {
                    {
                        var e = $root.cim.ConversationCursor.verify(m.conversations[i], q + 1);
                        if (e)
                            return "conversations." + e;
                    }
                }
            }
            return null;
        };

        /**
         * Creates a Login message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Login
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Login} Login
         */
        Login.fromObject = function (d, q) {
            if (d instanceof $root.cim.Login)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Login: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Login();
            if (d.token != null) {
                if (typeof d.token !== "string" || d.token.length) {
                    m.token = $String(d.token);
                }
            }
            if (d.cursor != null) {
                if ($util.Long)
                    m.cursor = $util.Long.fromValue(d.cursor, true);
                else if (typeof d.cursor === "string")
                    m.cursor = $parseInt(d.cursor, 10);
                else if (typeof d.cursor === "number")
                    m.cursor = d.cursor;
                else if (typeof d.cursor === "object")
                    m.cursor = new $util.LongBits(d.cursor.low >>> 0, d.cursor.high >>> 0).toNumber(true);
            }
            if (d.client != null) {
                if (typeof d.client !== "string" || d.client.length) {
                    m.client = $String(d.client);
                }
            }
            if (d.conversations) {
                if (!$Array.isArray(d.conversations))
                    throw $TypeError(".cim.Login.conversations: array expected");
                m.conversations = $Array(d.conversations.length);
                for (var i = 0; i < d.conversations.length; ++i) {
                    if (!$util.isObject(d.conversations[i]))
                        throw $TypeError(".cim.Login.conversations: object expected");
                    m.conversations[i] = $root.cim.ConversationCursor.fromObject(d.conversations[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a Login message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Login
         * @static
         * @param {cim.Login} m Login
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Login.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.conversations = [];
            }
            if (o.defaults) {
                d.token = "";
                d.client = "";
            }
            if (m.token != null && $Object.hasOwnProperty.call(m, "token")) {
                d.token = m.token;
            }
            if (m.cursor != null && $Object.hasOwnProperty.call(m, "cursor")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.cursor = typeof m.cursor === "number" ? $BigInt(m.cursor) : $util.Long.fromBits(m.cursor.low >>> 0, m.cursor.high >>> 0, true).toBigInt();
                else if (typeof m.cursor === "number")
                    d.cursor = o.longs === $String ? $String(m.cursor) : m.cursor;
                else
                    d.cursor = o.longs === $String ? $util.Long.prototype.toString.call(m.cursor) : o.longs === $Number ? new $util.LongBits(m.cursor.low >>> 0, m.cursor.high >>> 0).toNumber(true) : m.cursor;
            }
            if (m.client != null && $Object.hasOwnProperty.call(m, "client")) {
                d.client = m.client;
            }
            if (m.conversations && m.conversations.length) {
                d.conversations = $Array(m.conversations.length);
                for (var j = 0; j < m.conversations.length; ++j) {
                    d.conversations[j] = $root.cim.ConversationCursor.toObject(m.conversations[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this Login to JSON.
         * @function toJSON
         * @memberof cim.Login
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Login.prototype.toJSON = function() {
            return Login.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Login
         * @function getTypeUrl
         * @memberof cim.Login
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Login.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Login";
        };

        return Login;
    })();

    cim.ConversationCursor = (function() {

        /**
         * Properties of a ConversationCursor.
         * @typedef {Object} cim.ConversationCursor.$Properties
         * @property {string|null} [conversationId] ConversationCursor conversationId
         * @property {number|Long|null} [seq] ConversationCursor seq
         * @property {boolean|null} [expired] ConversationCursor expired
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a ConversationCursor.
         * @memberof cim
         * @interface IConversationCursor
         * @augments cim.ConversationCursor.$Properties
         * @deprecated Use cim.ConversationCursor.$Properties instead.
         */

        /**
         * Shape of a ConversationCursor.
         * @typedef {cim.ConversationCursor.$Properties} cim.ConversationCursor.$Shape
         */

        /**
         * Constructs a new ConversationCursor.
         * @memberof cim
         * @classdesc Represents a ConversationCursor.
         * @constructor
         * @param {cim.ConversationCursor.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const ConversationCursor = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * ConversationCursor conversationId.
         * @member {string} conversationId
         * @memberof cim.ConversationCursor
         * @instance
         */
        ConversationCursor.prototype.conversationId = "";

        /**
         * ConversationCursor seq.
         * @member {number|Long} seq
         * @memberof cim.ConversationCursor
         * @instance
         */
        ConversationCursor.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * ConversationCursor expired.
         * @member {boolean} expired
         * @memberof cim.ConversationCursor
         * @instance
         */
        ConversationCursor.prototype.expired = false;

        /**
         * Creates a new ConversationCursor instance using the specified properties.
         * @function create
         * @memberof cim.ConversationCursor
         * @static
         * @param {cim.ConversationCursor.$Properties=} [properties] Properties to set
         * @returns {cim.ConversationCursor} ConversationCursor instance
         * @type {{
         *   (properties: cim.ConversationCursor.$Shape): cim.ConversationCursor & cim.ConversationCursor.$Shape;
         *   (properties?: cim.ConversationCursor.$Properties): cim.ConversationCursor;
         * }}
         */
        ConversationCursor.create = function(properties) {
            return new ConversationCursor(properties);
        };

        /**
         * Encodes the specified ConversationCursor message. Does not implicitly {@link cim.ConversationCursor.verify|verify} messages.
         * @function encode
         * @memberof cim.ConversationCursor
         * @static
         * @param {cim.ConversationCursor.$Properties} m ConversationCursor message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConversationCursor.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                w.uint32(/* id 1, wireType 2 =*/10).string(m.conversationId);
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.seq);
            if (m.expired != null && $Object.hasOwnProperty.call(m, "expired") && m.expired !== false)
                w.uint32(/* id 3, wireType 0 =*/24).bool(m.expired);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified ConversationCursor message, length delimited. Does not implicitly {@link cim.ConversationCursor.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.ConversationCursor
         * @static
         * @param {cim.ConversationCursor.$Properties} message ConversationCursor message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        ConversationCursor.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a ConversationCursor message from the specified reader or buffer.
         * @function decode
         * @memberof cim.ConversationCursor
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.ConversationCursor & cim.ConversationCursor.$Shape} ConversationCursor
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConversationCursor.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.ConversationCursor();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.conversationId = v;
                        else
                            delete m.conversationId;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.seq = v;
                        else
                            delete m.seq;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.expired = v;
                        else
                            delete m.expired;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a ConversationCursor message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.ConversationCursor
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.ConversationCursor & cim.ConversationCursor.$Shape} ConversationCursor
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        ConversationCursor.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a ConversationCursor message.
         * @function verify
         * @memberof cim.ConversationCursor
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        ConversationCursor.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId")) {
                if (!$util.isString(m.conversationId))
                    return "conversationId: string expected";
            }
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                if (!$util.isInteger(m.seq) && !(m.seq && $util.isInteger(m.seq.low) && $util.isInteger(m.seq.high)))
                    return "seq: integer|Long expected";
            }
            if (m.expired != null && $Object.hasOwnProperty.call(m, "expired")) {
                if (typeof m.expired !== "boolean")
                    return "expired: boolean expected";
            }
            return null;
        };

        /**
         * Creates a ConversationCursor message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.ConversationCursor
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.ConversationCursor} ConversationCursor
         */
        ConversationCursor.fromObject = function (d, q) {
            if (d instanceof $root.cim.ConversationCursor)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.ConversationCursor: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.ConversationCursor();
            if (d.conversationId != null) {
                if (typeof d.conversationId !== "string" || d.conversationId.length) {
                    m.conversationId = $String(d.conversationId);
                }
            }
            if (d.seq != null) {
                if (typeof d.seq === "object" ? d.seq.low || d.seq.high : $Number(d.seq) !== 0) {
                    if ($util.Long)
                        m.seq = $util.Long.fromValue(d.seq, true);
                    else if (typeof d.seq === "string")
                        m.seq = $parseInt(d.seq, 10);
                    else if (typeof d.seq === "number")
                        m.seq = d.seq;
                    else if (typeof d.seq === "object")
                        m.seq = new $util.LongBits(d.seq.low >>> 0, d.seq.high >>> 0).toNumber(true);
                }
            }
            if (d.expired != null) {
                if (d.expired) {
                    m.expired = $Boolean(d.expired);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a ConversationCursor message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.ConversationCursor
         * @static
         * @param {cim.ConversationCursor} m ConversationCursor
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        ConversationCursor.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.conversationId = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.expired = false;
            }
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId")) {
                d.conversationId = m.conversationId;
            }
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.seq = typeof m.seq === "number" ? $BigInt(m.seq) : $util.Long.fromBits(m.seq.low >>> 0, m.seq.high >>> 0, true).toBigInt();
                else if (typeof m.seq === "number")
                    d.seq = o.longs === $String ? $String(m.seq) : m.seq;
                else
                    d.seq = o.longs === $String ? $util.Long.prototype.toString.call(m.seq) : o.longs === $Number ? new $util.LongBits(m.seq.low >>> 0, m.seq.high >>> 0).toNumber(true) : m.seq;
            }
            if (m.expired != null && $Object.hasOwnProperty.call(m, "expired")) {
                d.expired = m.expired;
            }
            return d;
        };

        /**
         * Converts this ConversationCursor to JSON.
         * @function toJSON
         * @memberof cim.ConversationCursor
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        ConversationCursor.prototype.toJSON = function() {
            return ConversationCursor.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for ConversationCursor
         * @function getTypeUrl
         * @memberof cim.ConversationCursor
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        ConversationCursor.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.ConversationCursor";
        };

        return ConversationCursor;
    })();

    cim.Ping = (function() {

        /**
         * Properties of a Ping.
         * @typedef {Object} cim.Ping.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Ping.
         * @memberof cim
         * @interface IPing
         * @augments cim.Ping.$Properties
         * @deprecated Use cim.Ping.$Properties instead.
         */

        /**
         * Shape of a Ping.
         * @typedef {cim.Ping.$Properties} cim.Ping.$Shape
         */

        /**
         * Constructs a new Ping.
         * @memberof cim
         * @classdesc Represents a Ping.
         * @constructor
         * @param {cim.Ping.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Ping = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Creates a new Ping instance using the specified properties.
         * @function create
         * @memberof cim.Ping
         * @static
         * @param {cim.Ping.$Properties=} [properties] Properties to set
         * @returns {cim.Ping} Ping instance
         * @type {{
         *   (properties: cim.Ping.$Shape): cim.Ping & cim.Ping.$Shape;
         *   (properties?: cim.Ping.$Properties): cim.Ping;
         * }}
         */
        Ping.create = function(properties) {
            return new Ping(properties);
        };

        /**
         * Encodes the specified Ping message. Does not implicitly {@link cim.Ping.verify|verify} messages.
         * @function encode
         * @memberof cim.Ping
         * @static
         * @param {cim.Ping.$Properties} m Ping message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Ping.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Ping message, length delimited. Does not implicitly {@link cim.Ping.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Ping
         * @static
         * @param {cim.Ping.$Properties} message Ping message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Ping.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Ping message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Ping
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Ping & cim.Ping.$Shape} Ping
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Ping.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Ping();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                r.skipType(t & 7, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Ping message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Ping
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Ping & cim.Ping.$Shape} Ping
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Ping.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Ping message.
         * @function verify
         * @memberof cim.Ping
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Ping.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            return null;
        };

        /**
         * Creates a Ping message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Ping
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Ping} Ping
         */
        Ping.fromObject = function (d, q) {
            if (d instanceof $root.cim.Ping)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Ping: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            return new $root.cim.Ping();
        };

        /**
         * Creates a plain object from a Ping message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Ping
         * @static
         * @param {cim.Ping} m Ping
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Ping.toObject = function () {
            return {};
        };

        /**
         * Converts this Ping to JSON.
         * @function toJSON
         * @memberof cim.Ping
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Ping.prototype.toJSON = function() {
            return Ping.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Ping
         * @function getTypeUrl
         * @memberof cim.Ping
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Ping.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Ping";
        };

        return Ping;
    })();

    cim.Pong = (function() {

        /**
         * Properties of a Pong.
         * @typedef {Object} cim.Pong.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Pong.
         * @memberof cim
         * @interface IPong
         * @augments cim.Pong.$Properties
         * @deprecated Use cim.Pong.$Properties instead.
         */

        /**
         * Shape of a Pong.
         * @typedef {cim.Pong.$Properties} cim.Pong.$Shape
         */

        /**
         * Constructs a new Pong.
         * @memberof cim
         * @classdesc Represents a Pong.
         * @constructor
         * @param {cim.Pong.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Pong = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Creates a new Pong instance using the specified properties.
         * @function create
         * @memberof cim.Pong
         * @static
         * @param {cim.Pong.$Properties=} [properties] Properties to set
         * @returns {cim.Pong} Pong instance
         * @type {{
         *   (properties: cim.Pong.$Shape): cim.Pong & cim.Pong.$Shape;
         *   (properties?: cim.Pong.$Properties): cim.Pong;
         * }}
         */
        Pong.create = function(properties) {
            return new Pong(properties);
        };

        /**
         * Encodes the specified Pong message. Does not implicitly {@link cim.Pong.verify|verify} messages.
         * @function encode
         * @memberof cim.Pong
         * @static
         * @param {cim.Pong.$Properties} m Pong message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Pong.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Pong message, length delimited. Does not implicitly {@link cim.Pong.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Pong
         * @static
         * @param {cim.Pong.$Properties} message Pong message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Pong.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Pong message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Pong
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Pong & cim.Pong.$Shape} Pong
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Pong.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Pong();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                r.skipType(t & 7, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Pong message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Pong
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Pong & cim.Pong.$Shape} Pong
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Pong.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Pong message.
         * @function verify
         * @memberof cim.Pong
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Pong.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            return null;
        };

        /**
         * Creates a Pong message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Pong
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Pong} Pong
         */
        Pong.fromObject = function (d, q) {
            if (d instanceof $root.cim.Pong)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Pong: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            return new $root.cim.Pong();
        };

        /**
         * Creates a plain object from a Pong message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Pong
         * @static
         * @param {cim.Pong} m Pong
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Pong.toObject = function () {
            return {};
        };

        /**
         * Converts this Pong to JSON.
         * @function toJSON
         * @memberof cim.Pong
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Pong.prototype.toJSON = function() {
            return Pong.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Pong
         * @function getTypeUrl
         * @memberof cim.Pong
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Pong.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Pong";
        };

        return Pong;
    })();

    cim.Ack = (function() {

        /**
         * Properties of an Ack.
         * @typedef {Object} cim.Ack.$Properties
         * @property {number|Long|null} [cursor] Ack cursor
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Ack.
         * @memberof cim
         * @interface IAck
         * @augments cim.Ack.$Properties
         * @deprecated Use cim.Ack.$Properties instead.
         */

        /**
         * Shape of an Ack.
         * @typedef {cim.Ack.$Properties} cim.Ack.$Shape
         */

        /**
         * Constructs a new Ack.
         * @memberof cim
         * @classdesc Represents an Ack.
         * @constructor
         * @param {cim.Ack.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Ack = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Ack cursor.
         * @member {number|Long} cursor
         * @memberof cim.Ack
         * @instance
         */
        Ack.prototype.cursor = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Ack instance using the specified properties.
         * @function create
         * @memberof cim.Ack
         * @static
         * @param {cim.Ack.$Properties=} [properties] Properties to set
         * @returns {cim.Ack} Ack instance
         * @type {{
         *   (properties: cim.Ack.$Shape): cim.Ack & cim.Ack.$Shape;
         *   (properties?: cim.Ack.$Properties): cim.Ack;
         * }}
         */
        Ack.create = function(properties) {
            return new Ack(properties);
        };

        /**
         * Encodes the specified Ack message. Does not implicitly {@link cim.Ack.verify|verify} messages.
         * @function encode
         * @memberof cim.Ack
         * @static
         * @param {cim.Ack.$Properties} m Ack message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Ack.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.cursor != null && $Object.hasOwnProperty.call(m, "cursor") && (typeof m.cursor === "object" ? m.cursor.low || m.cursor.high : m.cursor !== 0))
                w.uint32(/* id 1, wireType 0 =*/8).uint64(m.cursor);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Ack message, length delimited. Does not implicitly {@link cim.Ack.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Ack
         * @static
         * @param {cim.Ack.$Properties} message Ack message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Ack.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes an Ack message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Ack
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Ack & cim.Ack.$Shape} Ack
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Ack.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Ack();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.cursor = v;
                        else
                            delete m.cursor;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes an Ack message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Ack
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Ack & cim.Ack.$Shape} Ack
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Ack.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies an Ack message.
         * @function verify
         * @memberof cim.Ack
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Ack.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.cursor != null && $Object.hasOwnProperty.call(m, "cursor")) {
                if (!$util.isInteger(m.cursor) && !(m.cursor && $util.isInteger(m.cursor.low) && $util.isInteger(m.cursor.high)))
                    return "cursor: integer|Long expected";
            }
            return null;
        };

        /**
         * Creates an Ack message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Ack
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Ack} Ack
         */
        Ack.fromObject = function (d, q) {
            if (d instanceof $root.cim.Ack)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Ack: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Ack();
            if (d.cursor != null) {
                if (typeof d.cursor === "object" ? d.cursor.low || d.cursor.high : $Number(d.cursor) !== 0) {
                    if ($util.Long)
                        m.cursor = $util.Long.fromValue(d.cursor, true);
                    else if (typeof d.cursor === "string")
                        m.cursor = $parseInt(d.cursor, 10);
                    else if (typeof d.cursor === "number")
                        m.cursor = d.cursor;
                    else if (typeof d.cursor === "object")
                        m.cursor = new $util.LongBits(d.cursor.low >>> 0, d.cursor.high >>> 0).toNumber(true);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from an Ack message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Ack
         * @static
         * @param {cim.Ack} m Ack
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Ack.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.cursor = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.cursor = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.cursor != null && $Object.hasOwnProperty.call(m, "cursor")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.cursor = typeof m.cursor === "number" ? $BigInt(m.cursor) : $util.Long.fromBits(m.cursor.low >>> 0, m.cursor.high >>> 0, true).toBigInt();
                else if (typeof m.cursor === "number")
                    d.cursor = o.longs === $String ? $String(m.cursor) : m.cursor;
                else
                    d.cursor = o.longs === $String ? $util.Long.prototype.toString.call(m.cursor) : o.longs === $Number ? new $util.LongBits(m.cursor.low >>> 0, m.cursor.high >>> 0).toNumber(true) : m.cursor;
            }
            return d;
        };

        /**
         * Converts this Ack to JSON.
         * @function toJSON
         * @memberof cim.Ack
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Ack.prototype.toJSON = function() {
            return Ack.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Ack
         * @function getTypeUrl
         * @memberof cim.Ack
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Ack.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Ack";
        };

        return Ack;
    })();

    cim.Destination = (function() {

        /**
         * Properties of a Destination.
         * @typedef {Object} cim.Destination.$Properties
         * @property {number|Long|null} [userId] Destination userId
         * @property {number|Long|null} [groupId] Destination groupId
         * @property {boolean|null} [broadcast] Destination broadcast
         * @property {"userId"|"groupId"|"broadcast"} [target] Destination target
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Destination.
         * @memberof cim
         * @interface IDestination
         * @augments cim.Destination.$Properties
         * @deprecated Use cim.Destination.$Properties instead.
         */

        /**
         * Narrowed shape of a Destination.
         * @typedef {{
         *   userId?: number|Long|null;
         *   groupId?: number|Long|null;
         *   broadcast?: boolean|null;
         *   $unknowns?: Array.<Uint8Array>;
         * } & (
         *   ({ target?: undefined; userId?: null; groupId?: null; broadcast?: null }|{ target?: "userId"; userId: number|Long; groupId?: null; broadcast?: null }|{ target?: "groupId"; userId?: null; groupId: number|Long; broadcast?: null }|{ target?: "broadcast"; userId?: null; groupId?: null; broadcast: boolean })
         * )} cim.Destination.$Shape
         */

        /**
         * Constructs a new Destination.
         * @memberof cim
         * @classdesc Represents a Destination.
         * @constructor
         * @param {cim.Destination.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Destination = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Destination userId.
         * @member {number|Long|null|undefined} userId
         * @memberof cim.Destination
         * @instance
         */
        Destination.prototype.userId = null;

        /**
         * Destination groupId.
         * @member {number|Long|null|undefined} groupId
         * @memberof cim.Destination
         * @instance
         */
        Destination.prototype.groupId = null;

        /**
         * Destination broadcast.
         * @member {boolean|null|undefined} broadcast
         * @memberof cim.Destination
         * @instance
         */
        Destination.prototype.broadcast = null;

        // OneOf field names bound to virtual getters and setters
        let $oneOfFields;

        /**
         * Destination target.
         * @member {"userId"|"groupId"|"broadcast"|undefined} target
         * @memberof cim.Destination
         * @instance
         */
        $Object.defineProperty(Destination.prototype, "target", {
            get: $util.oneOfGetter($oneOfFields = ["userId", "groupId", "broadcast"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        /**
         * Creates a new Destination instance using the specified properties.
         * @function create
         * @memberof cim.Destination
         * @static
         * @param {cim.Destination.$Properties=} [properties] Properties to set
         * @returns {cim.Destination} Destination instance
         * @type {{
         *   (properties: cim.Destination.$Shape): cim.Destination & cim.Destination.$Shape;
         *   (properties?: cim.Destination.$Properties): cim.Destination;
         * }}
         */
        Destination.create = function(properties) {
            return new Destination(properties);
        };

        /**
         * Encodes the specified Destination message. Does not implicitly {@link cim.Destination.verify|verify} messages.
         * @function encode
         * @memberof cim.Destination
         * @static
         * @param {cim.Destination.$Properties} m Destination message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Destination.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.userId != null && $Object.hasOwnProperty.call(m, "userId"))
                w.uint32(/* id 1, wireType 0 =*/8).uint64(m.userId);
            if (m.groupId != null && $Object.hasOwnProperty.call(m, "groupId"))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.groupId);
            if (m.broadcast != null && $Object.hasOwnProperty.call(m, "broadcast"))
                w.uint32(/* id 3, wireType 0 =*/24).bool(m.broadcast);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Destination message, length delimited. Does not implicitly {@link cim.Destination.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Destination
         * @static
         * @param {cim.Destination.$Properties} message Destination message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Destination.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Destination message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Destination
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Destination & cim.Destination.$Shape} Destination
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Destination.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Destination();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        m.userId = r.uint64();
                        m.target = "userId";
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        m.groupId = r.uint64();
                        m.target = "groupId";
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        m.broadcast = r.bool();
                        m.target = "broadcast";
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Destination message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Destination
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Destination & cim.Destination.$Shape} Destination
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Destination.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Destination message.
         * @function verify
         * @memberof cim.Destination
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Destination.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            var p = {};
            if (m.userId != null && $Object.hasOwnProperty.call(m, "userId")) {
                p.target = 1;
                if (!$util.isInteger(m.userId) && !(m.userId && $util.isInteger(m.userId.low) && $util.isInteger(m.userId.high)))
                    return "userId: integer|Long expected";
            }
            if (m.groupId != null && $Object.hasOwnProperty.call(m, "groupId")) {
                if (p.target === 1)
                    return "target: multiple values";
                p.target = 1;
                if (!$util.isInteger(m.groupId) && !(m.groupId && $util.isInteger(m.groupId.low) && $util.isInteger(m.groupId.high)))
                    return "groupId: integer|Long expected";
            }
            if (m.broadcast != null && $Object.hasOwnProperty.call(m, "broadcast")) {
                if (p.target === 1)
                    return "target: multiple values";
                p.target = 1;
                if (typeof m.broadcast !== "boolean")
                    return "broadcast: boolean expected";
            }
            return null;
        };

        /**
         * Creates a Destination message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Destination
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Destination} Destination
         */
        Destination.fromObject = function (d, q) {
            if (d instanceof $root.cim.Destination)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Destination: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Destination();
            if (d.userId != null) {
                if ($util.Long)
                    m.userId = $util.Long.fromValue(d.userId, true);
                else if (typeof d.userId === "string")
                    m.userId = $parseInt(d.userId, 10);
                else if (typeof d.userId === "number")
                    m.userId = d.userId;
                else if (typeof d.userId === "object")
                    m.userId = new $util.LongBits(d.userId.low >>> 0, d.userId.high >>> 0).toNumber(true);
            }
            if (d.groupId != null) {
                if ($util.Long)
                    m.groupId = $util.Long.fromValue(d.groupId, true);
                else if (typeof d.groupId === "string")
                    m.groupId = $parseInt(d.groupId, 10);
                else if (typeof d.groupId === "number")
                    m.groupId = d.groupId;
                else if (typeof d.groupId === "object")
                    m.groupId = new $util.LongBits(d.groupId.low >>> 0, d.groupId.high >>> 0).toNumber(true);
            }
            if (d.broadcast != null) {
                m.broadcast = $Boolean(d.broadcast);
            }
            return m;
        };

        /**
         * Creates a plain object from a Destination message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Destination
         * @static
         * @param {cim.Destination} m Destination
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Destination.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (m.userId != null && $Object.hasOwnProperty.call(m, "userId")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.userId = typeof m.userId === "number" ? $BigInt(m.userId) : $util.Long.fromBits(m.userId.low >>> 0, m.userId.high >>> 0, true).toBigInt();
                else if (typeof m.userId === "number")
                    d.userId = o.longs === $String ? $String(m.userId) : m.userId;
                else
                    d.userId = o.longs === $String ? $util.Long.prototype.toString.call(m.userId) : o.longs === $Number ? new $util.LongBits(m.userId.low >>> 0, m.userId.high >>> 0).toNumber(true) : m.userId;
                if (o.oneofs)
                    d.target = "userId";
            }
            if (m.groupId != null && $Object.hasOwnProperty.call(m, "groupId")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.groupId = typeof m.groupId === "number" ? $BigInt(m.groupId) : $util.Long.fromBits(m.groupId.low >>> 0, m.groupId.high >>> 0, true).toBigInt();
                else if (typeof m.groupId === "number")
                    d.groupId = o.longs === $String ? $String(m.groupId) : m.groupId;
                else
                    d.groupId = o.longs === $String ? $util.Long.prototype.toString.call(m.groupId) : o.longs === $Number ? new $util.LongBits(m.groupId.low >>> 0, m.groupId.high >>> 0).toNumber(true) : m.groupId;
                if (o.oneofs)
                    d.target = "groupId";
            }
            if (m.broadcast != null && $Object.hasOwnProperty.call(m, "broadcast")) {
                d.broadcast = m.broadcast;
                if (o.oneofs)
                    d.target = "broadcast";
            }
            return d;
        };

        /**
         * Converts this Destination to JSON.
         * @function toJSON
         * @memberof cim.Destination
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Destination.prototype.toJSON = function() {
            return Destination.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Destination
         * @function getTypeUrl
         * @memberof cim.Destination
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Destination.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Destination";
        };

        return Destination;
    })();

    cim.Send = (function() {

        /**
         * Properties of a Send.
         * @typedef {Object} cim.Send.$Properties
         * @property {string|null} [clientMsgId] Send clientMsgId
         * @property {cim.Destination.$Properties|null} [to] Send to
         * @property {string|null} [body] Send body
         * @property {number|Long|null} [deliverAt] Send deliverAt
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Send.
         * @memberof cim
         * @interface ISend
         * @augments cim.Send.$Properties
         * @deprecated Use cim.Send.$Properties instead.
         */

        /**
         * Shape of a Send.
         * @typedef {{
         *   clientMsgId?: string|null;
         *   to?: cim.Destination.$Shape|null;
         *   body?: string|null;
         *   deliverAt?: number|Long|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} cim.Send.$Shape
         */

        /**
         * Constructs a new Send.
         * @memberof cim
         * @classdesc Represents a Send.
         * @constructor
         * @param {cim.Send.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Send = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Send clientMsgId.
         * @member {string} clientMsgId
         * @memberof cim.Send
         * @instance
         */
        Send.prototype.clientMsgId = "";

        /**
         * Send to.
         * @member {cim.Destination.$Properties|null|undefined} to
         * @memberof cim.Send
         * @instance
         */
        Send.prototype.to = null;

        /**
         * Send body.
         * @member {string} body
         * @memberof cim.Send
         * @instance
         */
        Send.prototype.body = "";

        /**
         * Send deliverAt.
         * @member {number|Long} deliverAt
         * @memberof cim.Send
         * @instance
         */
        Send.prototype.deliverAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Send instance using the specified properties.
         * @function create
         * @memberof cim.Send
         * @static
         * @param {cim.Send.$Properties=} [properties] Properties to set
         * @returns {cim.Send} Send instance
         * @type {{
         *   (properties: cim.Send.$Shape): cim.Send & cim.Send.$Shape;
         *   (properties?: cim.Send.$Properties): cim.Send;
         * }}
         */
        Send.create = function(properties) {
            return new Send(properties);
        };

        /**
         * Encodes the specified Send message. Does not implicitly {@link cim.Send.verify|verify} messages.
         * @function encode
         * @memberof cim.Send
         * @static
         * @param {cim.Send.$Properties} m Send message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Send.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId") && m.clientMsgId !== "")
                w.uint32(/* id 1, wireType 2 =*/10).string(m.clientMsgId);
            if (m.to != null && $Object.hasOwnProperty.call(m, "to"))
                $root.cim.Destination.encode(m.to, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            if (m.body != null && $Object.hasOwnProperty.call(m, "body") && m.body !== "")
                w.uint32(/* id 3, wireType 2 =*/26).string(m.body);
            if (m.deliverAt != null && $Object.hasOwnProperty.call(m, "deliverAt") && (typeof m.deliverAt === "object" ? m.deliverAt.low || m.deliverAt.high : m.deliverAt !== 0))
                w.uint32(/* id 4, wireType 0 =*/32).uint64(m.deliverAt);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Send message, length delimited. Does not implicitly {@link cim.Send.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Send
         * @static
         * @param {cim.Send.$Properties} message Send message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Send.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Send message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Send
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Send & cim.Send.$Shape} Send
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Send.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Send();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.clientMsgId = v;
                        else
                            delete m.clientMsgId;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.to = $root.cim.Destination.decode(r, r.size(), $undefined, q + 1, m.to);
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.body = v;
                        else
                            delete m.body;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.deliverAt = v;
                        else
                            delete m.deliverAt;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Send message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Send
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Send & cim.Send.$Shape} Send
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Send.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Send message.
         * @function verify
         * @memberof cim.Send
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Send.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId")) {
                if (!$util.isString(m.clientMsgId))
                    return "clientMsgId: string expected";
            }
            if (m.to != null && $Object.hasOwnProperty.call(m, "to")) {
                {
                    var e = $root.cim.Destination.verify(m.to, q + 1);
                    if (e)
                        return "to." + e;
                }
            }
            if (m.body != null && $Object.hasOwnProperty.call(m, "body")) {
                if (!$util.isString(m.body))
                    return "body: string expected";
            }
            if (m.deliverAt != null && $Object.hasOwnProperty.call(m, "deliverAt")) {
                if (!$util.isInteger(m.deliverAt) && !(m.deliverAt && $util.isInteger(m.deliverAt.low) && $util.isInteger(m.deliverAt.high)))
                    return "deliverAt: integer|Long expected";
            }
            return null;
        };

        /**
         * Creates a Send message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Send
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Send} Send
         */
        Send.fromObject = function (d, q) {
            if (d instanceof $root.cim.Send)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Send: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Send();
            if (d.clientMsgId != null) {
                if (typeof d.clientMsgId !== "string" || d.clientMsgId.length) {
                    m.clientMsgId = $String(d.clientMsgId);
                }
            }
            if (d.to != null) {
                if (!$util.isObject(d.to))
                    throw $TypeError(".cim.Send.to: object expected");
                m.to = $root.cim.Destination.fromObject(d.to, q + 1);
            }
            if (d.body != null) {
                if (typeof d.body !== "string" || d.body.length) {
                    m.body = $String(d.body);
                }
            }
            if (d.deliverAt != null) {
                if (typeof d.deliverAt === "object" ? d.deliverAt.low || d.deliverAt.high : $Number(d.deliverAt) !== 0) {
                    if ($util.Long)
                        m.deliverAt = $util.Long.fromValue(d.deliverAt, true);
                    else if (typeof d.deliverAt === "string")
                        m.deliverAt = $parseInt(d.deliverAt, 10);
                    else if (typeof d.deliverAt === "number")
                        m.deliverAt = d.deliverAt;
                    else if (typeof d.deliverAt === "object")
                        m.deliverAt = new $util.LongBits(d.deliverAt.low >>> 0, d.deliverAt.high >>> 0).toNumber(true);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a Send message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Send
         * @static
         * @param {cim.Send} m Send
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Send.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.clientMsgId = "";
                d.to = null;
                d.body = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.deliverAt = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.deliverAt = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId")) {
                d.clientMsgId = m.clientMsgId;
            }
            if (m.to != null && $Object.hasOwnProperty.call(m, "to")) {
                d.to = $root.cim.Destination.toObject(m.to, o, q + 1);
            }
            if (m.body != null && $Object.hasOwnProperty.call(m, "body")) {
                d.body = m.body;
            }
            if (m.deliverAt != null && $Object.hasOwnProperty.call(m, "deliverAt")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.deliverAt = typeof m.deliverAt === "number" ? $BigInt(m.deliverAt) : $util.Long.fromBits(m.deliverAt.low >>> 0, m.deliverAt.high >>> 0, true).toBigInt();
                else if (typeof m.deliverAt === "number")
                    d.deliverAt = o.longs === $String ? $String(m.deliverAt) : m.deliverAt;
                else
                    d.deliverAt = o.longs === $String ? $util.Long.prototype.toString.call(m.deliverAt) : o.longs === $Number ? new $util.LongBits(m.deliverAt.low >>> 0, m.deliverAt.high >>> 0).toNumber(true) : m.deliverAt;
            }
            return d;
        };

        /**
         * Converts this Send to JSON.
         * @function toJSON
         * @memberof cim.Send
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Send.prototype.toJSON = function() {
            return Send.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Send
         * @function getTypeUrl
         * @memberof cim.Send
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Send.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Send";
        };

        return Send;
    })();

    cim.Read = (function() {

        /**
         * Properties of a Read.
         * @typedef {Object} cim.Read.$Properties
         * @property {string|null} [conversationId] Read conversationId
         * @property {number|Long|null} [seq] Read seq
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Read.
         * @memberof cim
         * @interface IRead
         * @augments cim.Read.$Properties
         * @deprecated Use cim.Read.$Properties instead.
         */

        /**
         * Shape of a Read.
         * @typedef {cim.Read.$Properties} cim.Read.$Shape
         */

        /**
         * Constructs a new Read.
         * @memberof cim
         * @classdesc Represents a Read.
         * @constructor
         * @param {cim.Read.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Read = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Read conversationId.
         * @member {string} conversationId
         * @memberof cim.Read
         * @instance
         */
        Read.prototype.conversationId = "";

        /**
         * Read seq.
         * @member {number|Long} seq
         * @memberof cim.Read
         * @instance
         */
        Read.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Read instance using the specified properties.
         * @function create
         * @memberof cim.Read
         * @static
         * @param {cim.Read.$Properties=} [properties] Properties to set
         * @returns {cim.Read} Read instance
         * @type {{
         *   (properties: cim.Read.$Shape): cim.Read & cim.Read.$Shape;
         *   (properties?: cim.Read.$Properties): cim.Read;
         * }}
         */
        Read.create = function(properties) {
            return new Read(properties);
        };

        /**
         * Encodes the specified Read message. Does not implicitly {@link cim.Read.verify|verify} messages.
         * @function encode
         * @memberof cim.Read
         * @static
         * @param {cim.Read.$Properties} m Read message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Read.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                w.uint32(/* id 1, wireType 2 =*/10).string(m.conversationId);
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.seq);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Read message, length delimited. Does not implicitly {@link cim.Read.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Read
         * @static
         * @param {cim.Read.$Properties} message Read message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Read.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Read message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Read
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Read & cim.Read.$Shape} Read
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Read.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Read();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.conversationId = v;
                        else
                            delete m.conversationId;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.seq = v;
                        else
                            delete m.seq;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Read message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Read
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Read & cim.Read.$Shape} Read
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Read.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Read message.
         * @function verify
         * @memberof cim.Read
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Read.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId")) {
                if (!$util.isString(m.conversationId))
                    return "conversationId: string expected";
            }
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                if (!$util.isInteger(m.seq) && !(m.seq && $util.isInteger(m.seq.low) && $util.isInteger(m.seq.high)))
                    return "seq: integer|Long expected";
            }
            return null;
        };

        /**
         * Creates a Read message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Read
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Read} Read
         */
        Read.fromObject = function (d, q) {
            if (d instanceof $root.cim.Read)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Read: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Read();
            if (d.conversationId != null) {
                if (typeof d.conversationId !== "string" || d.conversationId.length) {
                    m.conversationId = $String(d.conversationId);
                }
            }
            if (d.seq != null) {
                if (typeof d.seq === "object" ? d.seq.low || d.seq.high : $Number(d.seq) !== 0) {
                    if ($util.Long)
                        m.seq = $util.Long.fromValue(d.seq, true);
                    else if (typeof d.seq === "string")
                        m.seq = $parseInt(d.seq, 10);
                    else if (typeof d.seq === "number")
                        m.seq = d.seq;
                    else if (typeof d.seq === "object")
                        m.seq = new $util.LongBits(d.seq.low >>> 0, d.seq.high >>> 0).toNumber(true);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a Read message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Read
         * @static
         * @param {cim.Read} m Read
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Read.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.conversationId = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId")) {
                d.conversationId = m.conversationId;
            }
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.seq = typeof m.seq === "number" ? $BigInt(m.seq) : $util.Long.fromBits(m.seq.low >>> 0, m.seq.high >>> 0, true).toBigInt();
                else if (typeof m.seq === "number")
                    d.seq = o.longs === $String ? $String(m.seq) : m.seq;
                else
                    d.seq = o.longs === $String ? $util.Long.prototype.toString.call(m.seq) : o.longs === $Number ? new $util.LongBits(m.seq.low >>> 0, m.seq.high >>> 0).toNumber(true) : m.seq;
            }
            return d;
        };

        /**
         * Converts this Read to JSON.
         * @function toJSON
         * @memberof cim.Read
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Read.prototype.toJSON = function() {
            return Read.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Read
         * @function getTypeUrl
         * @memberof cim.Read
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Read.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Read";
        };

        return Read;
    })();

    cim.Logout = (function() {

        /**
         * Properties of a Logout.
         * @typedef {Object} cim.Logout.$Properties
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Logout.
         * @memberof cim
         * @interface ILogout
         * @augments cim.Logout.$Properties
         * @deprecated Use cim.Logout.$Properties instead.
         */

        /**
         * Shape of a Logout.
         * @typedef {cim.Logout.$Properties} cim.Logout.$Shape
         */

        /**
         * Constructs a new Logout.
         * @memberof cim
         * @classdesc Represents a Logout.
         * @constructor
         * @param {cim.Logout.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Logout = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Creates a new Logout instance using the specified properties.
         * @function create
         * @memberof cim.Logout
         * @static
         * @param {cim.Logout.$Properties=} [properties] Properties to set
         * @returns {cim.Logout} Logout instance
         * @type {{
         *   (properties: cim.Logout.$Shape): cim.Logout & cim.Logout.$Shape;
         *   (properties?: cim.Logout.$Properties): cim.Logout;
         * }}
         */
        Logout.create = function(properties) {
            return new Logout(properties);
        };

        /**
         * Encodes the specified Logout message. Does not implicitly {@link cim.Logout.verify|verify} messages.
         * @function encode
         * @memberof cim.Logout
         * @static
         * @param {cim.Logout.$Properties} m Logout message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Logout.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Logout message, length delimited. Does not implicitly {@link cim.Logout.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Logout
         * @static
         * @param {cim.Logout.$Properties} message Logout message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Logout.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Logout message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Logout
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Logout & cim.Logout.$Shape} Logout
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Logout.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Logout();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                r.skipType(t & 7, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Logout message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Logout
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Logout & cim.Logout.$Shape} Logout
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Logout.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Logout message.
         * @function verify
         * @memberof cim.Logout
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Logout.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            return null;
        };

        /**
         * Creates a Logout message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Logout
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Logout} Logout
         */
        Logout.fromObject = function (d, q) {
            if (d instanceof $root.cim.Logout)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Logout: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            return new $root.cim.Logout();
        };

        /**
         * Creates a plain object from a Logout message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Logout
         * @static
         * @param {cim.Logout} m Logout
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Logout.toObject = function () {
            return {};
        };

        /**
         * Converts this Logout to JSON.
         * @function toJSON
         * @memberof cim.Logout
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Logout.prototype.toJSON = function() {
            return Logout.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Logout
         * @function getTypeUrl
         * @memberof cim.Logout
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Logout.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Logout";
        };

        return Logout;
    })();

    cim.LoginOk = (function() {

        /**
         * Properties of a LoginOk.
         * @typedef {Object} cim.LoginOk.$Properties
         * @property {number|Long|null} [userId] LoginOk userId
         * @property {string|null} [userName] LoginOk userName
         * @property {string|null} [sessionId] LoginOk sessionId
         * @property {string|null} [serverId] LoginOk serverId
         * @property {number|null} [heartbeatMs] LoginOk heartbeatMs
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a LoginOk.
         * @memberof cim
         * @interface ILoginOk
         * @augments cim.LoginOk.$Properties
         * @deprecated Use cim.LoginOk.$Properties instead.
         */

        /**
         * Shape of a LoginOk.
         * @typedef {cim.LoginOk.$Properties} cim.LoginOk.$Shape
         */

        /**
         * Constructs a new LoginOk.
         * @memberof cim
         * @classdesc Represents a LoginOk.
         * @constructor
         * @param {cim.LoginOk.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const LoginOk = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * LoginOk userId.
         * @member {number|Long} userId
         * @memberof cim.LoginOk
         * @instance
         */
        LoginOk.prototype.userId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * LoginOk userName.
         * @member {string} userName
         * @memberof cim.LoginOk
         * @instance
         */
        LoginOk.prototype.userName = "";

        /**
         * LoginOk sessionId.
         * @member {string} sessionId
         * @memberof cim.LoginOk
         * @instance
         */
        LoginOk.prototype.sessionId = "";

        /**
         * LoginOk serverId.
         * @member {string} serverId
         * @memberof cim.LoginOk
         * @instance
         */
        LoginOk.prototype.serverId = "";

        /**
         * LoginOk heartbeatMs.
         * @member {number} heartbeatMs
         * @memberof cim.LoginOk
         * @instance
         */
        LoginOk.prototype.heartbeatMs = 0;

        /**
         * Creates a new LoginOk instance using the specified properties.
         * @function create
         * @memberof cim.LoginOk
         * @static
         * @param {cim.LoginOk.$Properties=} [properties] Properties to set
         * @returns {cim.LoginOk} LoginOk instance
         * @type {{
         *   (properties: cim.LoginOk.$Shape): cim.LoginOk & cim.LoginOk.$Shape;
         *   (properties?: cim.LoginOk.$Properties): cim.LoginOk;
         * }}
         */
        LoginOk.create = function(properties) {
            return new LoginOk(properties);
        };

        /**
         * Encodes the specified LoginOk message. Does not implicitly {@link cim.LoginOk.verify|verify} messages.
         * @function encode
         * @memberof cim.LoginOk
         * @static
         * @param {cim.LoginOk.$Properties} m LoginOk message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LoginOk.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.userId != null && $Object.hasOwnProperty.call(m, "userId") && (typeof m.userId === "object" ? m.userId.low || m.userId.high : m.userId !== 0))
                w.uint32(/* id 1, wireType 0 =*/8).uint64(m.userId);
            if (m.userName != null && $Object.hasOwnProperty.call(m, "userName") && m.userName !== "")
                w.uint32(/* id 2, wireType 2 =*/18).string(m.userName);
            if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId") && m.sessionId !== "")
                w.uint32(/* id 3, wireType 2 =*/26).string(m.sessionId);
            if (m.serverId != null && $Object.hasOwnProperty.call(m, "serverId") && m.serverId !== "")
                w.uint32(/* id 4, wireType 2 =*/34).string(m.serverId);
            if (m.heartbeatMs != null && $Object.hasOwnProperty.call(m, "heartbeatMs") && m.heartbeatMs !== 0)
                w.uint32(/* id 5, wireType 0 =*/40).uint32(m.heartbeatMs);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified LoginOk message, length delimited. Does not implicitly {@link cim.LoginOk.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.LoginOk
         * @static
         * @param {cim.LoginOk.$Properties} message LoginOk message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        LoginOk.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a LoginOk message from the specified reader or buffer.
         * @function decode
         * @memberof cim.LoginOk
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.LoginOk & cim.LoginOk.$Shape} LoginOk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LoginOk.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.LoginOk();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.userId = v;
                        else
                            delete m.userId;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.userName = v;
                        else
                            delete m.userName;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.sessionId = v;
                        else
                            delete m.sessionId;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.serverId = v;
                        else
                            delete m.serverId;
                        continue;
                    }
                case 5: {
                        if (u !== 0)
                            break;
                        if (v = r.uint32())
                            m.heartbeatMs = v;
                        else
                            delete m.heartbeatMs;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a LoginOk message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.LoginOk
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.LoginOk & cim.LoginOk.$Shape} LoginOk
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        LoginOk.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a LoginOk message.
         * @function verify
         * @memberof cim.LoginOk
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        LoginOk.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.userId != null && $Object.hasOwnProperty.call(m, "userId")) {
                if (!$util.isInteger(m.userId) && !(m.userId && $util.isInteger(m.userId.low) && $util.isInteger(m.userId.high)))
                    return "userId: integer|Long expected";
            }
            if (m.userName != null && $Object.hasOwnProperty.call(m, "userName")) {
                if (!$util.isString(m.userName))
                    return "userName: string expected";
            }
            if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                if (!$util.isString(m.sessionId))
                    return "sessionId: string expected";
            }
            if (m.serverId != null && $Object.hasOwnProperty.call(m, "serverId")) {
                if (!$util.isString(m.serverId))
                    return "serverId: string expected";
            }
            if (m.heartbeatMs != null && $Object.hasOwnProperty.call(m, "heartbeatMs")) {
                if (!$util.isInteger(m.heartbeatMs))
                    return "heartbeatMs: integer expected";
            }
            return null;
        };

        /**
         * Creates a LoginOk message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.LoginOk
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.LoginOk} LoginOk
         */
        LoginOk.fromObject = function (d, q) {
            if (d instanceof $root.cim.LoginOk)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.LoginOk: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.LoginOk();
            if (d.userId != null) {
                if (typeof d.userId === "object" ? d.userId.low || d.userId.high : $Number(d.userId) !== 0) {
                    if ($util.Long)
                        m.userId = $util.Long.fromValue(d.userId, true);
                    else if (typeof d.userId === "string")
                        m.userId = $parseInt(d.userId, 10);
                    else if (typeof d.userId === "number")
                        m.userId = d.userId;
                    else if (typeof d.userId === "object")
                        m.userId = new $util.LongBits(d.userId.low >>> 0, d.userId.high >>> 0).toNumber(true);
                }
            }
            if (d.userName != null) {
                if (typeof d.userName !== "string" || d.userName.length) {
                    m.userName = $String(d.userName);
                }
            }
            if (d.sessionId != null) {
                if (typeof d.sessionId !== "string" || d.sessionId.length) {
                    m.sessionId = $String(d.sessionId);
                }
            }
            if (d.serverId != null) {
                if (typeof d.serverId !== "string" || d.serverId.length) {
                    m.serverId = $String(d.serverId);
                }
            }
            if (d.heartbeatMs != null) {
                if ($Number(d.heartbeatMs) !== 0) {
                    m.heartbeatMs = d.heartbeatMs >>> 0;
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a LoginOk message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.LoginOk
         * @static
         * @param {cim.LoginOk} m LoginOk
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        LoginOk.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.userId = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.userId = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.userName = "";
                d.sessionId = "";
                d.serverId = "";
                d.heartbeatMs = 0;
            }
            if (m.userId != null && $Object.hasOwnProperty.call(m, "userId")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.userId = typeof m.userId === "number" ? $BigInt(m.userId) : $util.Long.fromBits(m.userId.low >>> 0, m.userId.high >>> 0, true).toBigInt();
                else if (typeof m.userId === "number")
                    d.userId = o.longs === $String ? $String(m.userId) : m.userId;
                else
                    d.userId = o.longs === $String ? $util.Long.prototype.toString.call(m.userId) : o.longs === $Number ? new $util.LongBits(m.userId.low >>> 0, m.userId.high >>> 0).toNumber(true) : m.userId;
            }
            if (m.userName != null && $Object.hasOwnProperty.call(m, "userName")) {
                d.userName = m.userName;
            }
            if (m.sessionId != null && $Object.hasOwnProperty.call(m, "sessionId")) {
                d.sessionId = m.sessionId;
            }
            if (m.serverId != null && $Object.hasOwnProperty.call(m, "serverId")) {
                d.serverId = m.serverId;
            }
            if (m.heartbeatMs != null && $Object.hasOwnProperty.call(m, "heartbeatMs")) {
                d.heartbeatMs = m.heartbeatMs;
            }
            return d;
        };

        /**
         * Converts this LoginOk to JSON.
         * @function toJSON
         * @memberof cim.LoginOk
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        LoginOk.prototype.toJSON = function() {
            return LoginOk.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for LoginOk
         * @function getTypeUrl
         * @memberof cim.LoginOk
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        LoginOk.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.LoginOk";
        };

        return LoginOk;
    })();

    cim.Message = (function() {

        /**
         * Properties of a Message.
         * @typedef {Object} cim.Message.$Properties
         * @property {number|Long|null} [msgId] Message msgId
         * @property {string|null} [conversationId] Message conversationId
         * @property {number|Long|null} [seq] Message seq
         * @property {number|Long|null} [fromUserId] Message fromUserId
         * @property {string|null} [fromUserName] Message fromUserName
         * @property {cim.Destination.$Properties|null} [to] Message to
         * @property {string|null} [body] Message body
         * @property {number|Long|null} [ts] Message ts
         * @property {string|null} [clientMsgId] Message clientMsgId
         * @property {boolean|null} [recalled] Message recalled
         * @property {cim.Notice.$Properties|null} [notice] Message notice
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Message.
         * @memberof cim
         * @interface IMessage
         * @augments cim.Message.$Properties
         * @deprecated Use cim.Message.$Properties instead.
         */

        /**
         * Shape of a Message.
         * @typedef {{
         *   msgId?: number|Long|null;
         *   conversationId?: string|null;
         *   seq?: number|Long|null;
         *   fromUserId?: number|Long|null;
         *   fromUserName?: string|null;
         *   to?: cim.Destination.$Shape|null;
         *   body?: string|null;
         *   ts?: number|Long|null;
         *   clientMsgId?: string|null;
         *   recalled?: boolean|null;
         *   notice?: cim.Notice.$Shape|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} cim.Message.$Shape
         */

        /**
         * Constructs a new Message.
         * @memberof cim
         * @classdesc Represents a Message.
         * @constructor
         * @param {cim.Message.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Message = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Message msgId.
         * @member {number|Long} msgId
         * @memberof cim.Message
         * @instance
         */
        Message.prototype.msgId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message conversationId.
         * @member {string} conversationId
         * @memberof cim.Message
         * @instance
         */
        Message.prototype.conversationId = "";

        /**
         * Message seq.
         * @member {number|Long} seq
         * @memberof cim.Message
         * @instance
         */
        Message.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message fromUserId.
         * @member {number|Long} fromUserId
         * @memberof cim.Message
         * @instance
         */
        Message.prototype.fromUserId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message fromUserName.
         * @member {string} fromUserName
         * @memberof cim.Message
         * @instance
         */
        Message.prototype.fromUserName = "";

        /**
         * Message to.
         * @member {cim.Destination.$Properties|null|undefined} to
         * @memberof cim.Message
         * @instance
         */
        Message.prototype.to = null;

        /**
         * Message body.
         * @member {string} body
         * @memberof cim.Message
         * @instance
         */
        Message.prototype.body = "";

        /**
         * Message ts.
         * @member {number|Long} ts
         * @memberof cim.Message
         * @instance
         */
        Message.prototype.ts = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Message clientMsgId.
         * @member {string} clientMsgId
         * @memberof cim.Message
         * @instance
         */
        Message.prototype.clientMsgId = "";

        /**
         * Message recalled.
         * @member {boolean} recalled
         * @memberof cim.Message
         * @instance
         */
        Message.prototype.recalled = false;

        /**
         * Message notice.
         * @member {cim.Notice.$Properties|null|undefined} notice
         * @memberof cim.Message
         * @instance
         */
        Message.prototype.notice = null;

        /**
         * Creates a new Message instance using the specified properties.
         * @function create
         * @memberof cim.Message
         * @static
         * @param {cim.Message.$Properties=} [properties] Properties to set
         * @returns {cim.Message} Message instance
         * @type {{
         *   (properties: cim.Message.$Shape): cim.Message & cim.Message.$Shape;
         *   (properties?: cim.Message.$Properties): cim.Message;
         * }}
         */
        Message.create = function(properties) {
            return new Message(properties);
        };

        /**
         * Encodes the specified Message message. Does not implicitly {@link cim.Message.verify|verify} messages.
         * @function encode
         * @memberof cim.Message
         * @static
         * @param {cim.Message.$Properties} m Message message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Message.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.msgId != null && $Object.hasOwnProperty.call(m, "msgId") && (typeof m.msgId === "object" ? m.msgId.low || m.msgId.high : m.msgId !== 0))
                w.uint32(/* id 1, wireType 0 =*/8).uint64(m.msgId);
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                w.uint32(/* id 2, wireType 2 =*/18).string(m.conversationId);
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.seq);
            if (m.fromUserId != null && $Object.hasOwnProperty.call(m, "fromUserId") && (typeof m.fromUserId === "object" ? m.fromUserId.low || m.fromUserId.high : m.fromUserId !== 0))
                w.uint32(/* id 4, wireType 0 =*/32).uint64(m.fromUserId);
            if (m.fromUserName != null && $Object.hasOwnProperty.call(m, "fromUserName") && m.fromUserName !== "")
                w.uint32(/* id 5, wireType 2 =*/42).string(m.fromUserName);
            if (m.to != null && $Object.hasOwnProperty.call(m, "to"))
                $root.cim.Destination.encode(m.to, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
            if (m.body != null && $Object.hasOwnProperty.call(m, "body") && m.body !== "")
                w.uint32(/* id 7, wireType 2 =*/58).string(m.body);
            if (m.ts != null && $Object.hasOwnProperty.call(m, "ts") && (typeof m.ts === "object" ? m.ts.low || m.ts.high : m.ts !== 0))
                w.uint32(/* id 8, wireType 0 =*/64).uint64(m.ts);
            if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId") && m.clientMsgId !== "")
                w.uint32(/* id 9, wireType 2 =*/74).string(m.clientMsgId);
            if (m.recalled != null && $Object.hasOwnProperty.call(m, "recalled") && m.recalled !== false)
                w.uint32(/* id 10, wireType 0 =*/80).bool(m.recalled);
            if (m.notice != null && $Object.hasOwnProperty.call(m, "notice"))
                $root.cim.Notice.encode(m.notice, w.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Message message, length delimited. Does not implicitly {@link cim.Message.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Message
         * @static
         * @param {cim.Message.$Properties} message Message message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Message.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Message message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Message
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Message & cim.Message.$Shape} Message
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Message.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Message();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.msgId = v;
                        else
                            delete m.msgId;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.conversationId = v;
                        else
                            delete m.conversationId;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.seq = v;
                        else
                            delete m.seq;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.fromUserId = v;
                        else
                            delete m.fromUserId;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.fromUserName = v;
                        else
                            delete m.fromUserName;
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        m.to = $root.cim.Destination.decode(r, r.size(), $undefined, q + 1, m.to);
                        continue;
                    }
                case 7: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.body = v;
                        else
                            delete m.body;
                        continue;
                    }
                case 8: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.ts = v;
                        else
                            delete m.ts;
                        continue;
                    }
                case 9: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.clientMsgId = v;
                        else
                            delete m.clientMsgId;
                        continue;
                    }
                case 10: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.recalled = v;
                        else
                            delete m.recalled;
                        continue;
                    }
                case 11: {
                        if (u !== 2)
                            break;
                        m.notice = $root.cim.Notice.decode(r, r.size(), $undefined, q + 1, m.notice);
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Message message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Message
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Message & cim.Message.$Shape} Message
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Message.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Message message.
         * @function verify
         * @memberof cim.Message
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Message.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.msgId != null && $Object.hasOwnProperty.call(m, "msgId")) {
                if (!$util.isInteger(m.msgId) && !(m.msgId && $util.isInteger(m.msgId.low) && $util.isInteger(m.msgId.high)))
                    return "msgId: integer|Long expected";
            }
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId")) {
                if (!$util.isString(m.conversationId))
                    return "conversationId: string expected";
            }
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                if (!$util.isInteger(m.seq) && !(m.seq && $util.isInteger(m.seq.low) && $util.isInteger(m.seq.high)))
                    return "seq: integer|Long expected";
            }
            if (m.fromUserId != null && $Object.hasOwnProperty.call(m, "fromUserId")) {
                if (!$util.isInteger(m.fromUserId) && !(m.fromUserId && $util.isInteger(m.fromUserId.low) && $util.isInteger(m.fromUserId.high)))
                    return "fromUserId: integer|Long expected";
            }
            if (m.fromUserName != null && $Object.hasOwnProperty.call(m, "fromUserName")) {
                if (!$util.isString(m.fromUserName))
                    return "fromUserName: string expected";
            }
            if (m.to != null && $Object.hasOwnProperty.call(m, "to")) {
                {
                    var e = $root.cim.Destination.verify(m.to, q + 1);
                    if (e)
                        return "to." + e;
                }
            }
            if (m.body != null && $Object.hasOwnProperty.call(m, "body")) {
                if (!$util.isString(m.body))
                    return "body: string expected";
            }
            if (m.ts != null && $Object.hasOwnProperty.call(m, "ts")) {
                if (!$util.isInteger(m.ts) && !(m.ts && $util.isInteger(m.ts.low) && $util.isInteger(m.ts.high)))
                    return "ts: integer|Long expected";
            }
            if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId")) {
                if (!$util.isString(m.clientMsgId))
                    return "clientMsgId: string expected";
            }
            if (m.recalled != null && $Object.hasOwnProperty.call(m, "recalled")) {
                if (typeof m.recalled !== "boolean")
                    return "recalled: boolean expected";
            }
            if (m.notice != null && $Object.hasOwnProperty.call(m, "notice")) {
                {
                    var e = $root.cim.Notice.verify(m.notice, q + 1);
                    if (e)
                        return "notice." + e;
                }
            }
            return null;
        };

        /**
         * Creates a Message message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Message
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Message} Message
         */
        Message.fromObject = function (d, q) {
            if (d instanceof $root.cim.Message)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Message: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Message();
            if (d.msgId != null) {
                if (typeof d.msgId === "object" ? d.msgId.low || d.msgId.high : $Number(d.msgId) !== 0) {
                    if ($util.Long)
                        m.msgId = $util.Long.fromValue(d.msgId, true);
                    else if (typeof d.msgId === "string")
                        m.msgId = $parseInt(d.msgId, 10);
                    else if (typeof d.msgId === "number")
                        m.msgId = d.msgId;
                    else if (typeof d.msgId === "object")
                        m.msgId = new $util.LongBits(d.msgId.low >>> 0, d.msgId.high >>> 0).toNumber(true);
                }
            }
            if (d.conversationId != null) {
                if (typeof d.conversationId !== "string" || d.conversationId.length) {
                    m.conversationId = $String(d.conversationId);
                }
            }
            if (d.seq != null) {
                if (typeof d.seq === "object" ? d.seq.low || d.seq.high : $Number(d.seq) !== 0) {
                    if ($util.Long)
                        m.seq = $util.Long.fromValue(d.seq, true);
                    else if (typeof d.seq === "string")
                        m.seq = $parseInt(d.seq, 10);
                    else if (typeof d.seq === "number")
                        m.seq = d.seq;
                    else if (typeof d.seq === "object")
                        m.seq = new $util.LongBits(d.seq.low >>> 0, d.seq.high >>> 0).toNumber(true);
                }
            }
            if (d.fromUserId != null) {
                if (typeof d.fromUserId === "object" ? d.fromUserId.low || d.fromUserId.high : $Number(d.fromUserId) !== 0) {
                    if ($util.Long)
                        m.fromUserId = $util.Long.fromValue(d.fromUserId, true);
                    else if (typeof d.fromUserId === "string")
                        m.fromUserId = $parseInt(d.fromUserId, 10);
                    else if (typeof d.fromUserId === "number")
                        m.fromUserId = d.fromUserId;
                    else if (typeof d.fromUserId === "object")
                        m.fromUserId = new $util.LongBits(d.fromUserId.low >>> 0, d.fromUserId.high >>> 0).toNumber(true);
                }
            }
            if (d.fromUserName != null) {
                if (typeof d.fromUserName !== "string" || d.fromUserName.length) {
                    m.fromUserName = $String(d.fromUserName);
                }
            }
            if (d.to != null) {
                if (!$util.isObject(d.to))
                    throw $TypeError(".cim.Message.to: object expected");
                m.to = $root.cim.Destination.fromObject(d.to, q + 1);
            }
            if (d.body != null) {
                if (typeof d.body !== "string" || d.body.length) {
                    m.body = $String(d.body);
                }
            }
            if (d.ts != null) {
                if (typeof d.ts === "object" ? d.ts.low || d.ts.high : $Number(d.ts) !== 0) {
                    if ($util.Long)
                        m.ts = $util.Long.fromValue(d.ts, true);
                    else if (typeof d.ts === "string")
                        m.ts = $parseInt(d.ts, 10);
                    else if (typeof d.ts === "number")
                        m.ts = d.ts;
                    else if (typeof d.ts === "object")
                        m.ts = new $util.LongBits(d.ts.low >>> 0, d.ts.high >>> 0).toNumber(true);
                }
            }
            if (d.clientMsgId != null) {
                if (typeof d.clientMsgId !== "string" || d.clientMsgId.length) {
                    m.clientMsgId = $String(d.clientMsgId);
                }
            }
            if (d.recalled != null) {
                if (d.recalled) {
                    m.recalled = $Boolean(d.recalled);
                }
            }
            if (d.notice != null) {
                if (!$util.isObject(d.notice))
                    throw $TypeError(".cim.Message.notice: object expected");
                m.notice = $root.cim.Notice.fromObject(d.notice, q + 1);
            }
            return m;
        };

        /**
         * Creates a plain object from a Message message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Message
         * @static
         * @param {cim.Message} m Message
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Message.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.msgId = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.msgId = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.conversationId = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.fromUserId = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.fromUserId = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.fromUserName = "";
                d.to = null;
                d.body = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.ts = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.ts = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.clientMsgId = "";
                d.recalled = false;
                d.notice = null;
            }
            if (m.msgId != null && $Object.hasOwnProperty.call(m, "msgId")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.msgId = typeof m.msgId === "number" ? $BigInt(m.msgId) : $util.Long.fromBits(m.msgId.low >>> 0, m.msgId.high >>> 0, true).toBigInt();
                else if (typeof m.msgId === "number")
                    d.msgId = o.longs === $String ? $String(m.msgId) : m.msgId;
                else
                    d.msgId = o.longs === $String ? $util.Long.prototype.toString.call(m.msgId) : o.longs === $Number ? new $util.LongBits(m.msgId.low >>> 0, m.msgId.high >>> 0).toNumber(true) : m.msgId;
            }
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId")) {
                d.conversationId = m.conversationId;
            }
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.seq = typeof m.seq === "number" ? $BigInt(m.seq) : $util.Long.fromBits(m.seq.low >>> 0, m.seq.high >>> 0, true).toBigInt();
                else if (typeof m.seq === "number")
                    d.seq = o.longs === $String ? $String(m.seq) : m.seq;
                else
                    d.seq = o.longs === $String ? $util.Long.prototype.toString.call(m.seq) : o.longs === $Number ? new $util.LongBits(m.seq.low >>> 0, m.seq.high >>> 0).toNumber(true) : m.seq;
            }
            if (m.fromUserId != null && $Object.hasOwnProperty.call(m, "fromUserId")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.fromUserId = typeof m.fromUserId === "number" ? $BigInt(m.fromUserId) : $util.Long.fromBits(m.fromUserId.low >>> 0, m.fromUserId.high >>> 0, true).toBigInt();
                else if (typeof m.fromUserId === "number")
                    d.fromUserId = o.longs === $String ? $String(m.fromUserId) : m.fromUserId;
                else
                    d.fromUserId = o.longs === $String ? $util.Long.prototype.toString.call(m.fromUserId) : o.longs === $Number ? new $util.LongBits(m.fromUserId.low >>> 0, m.fromUserId.high >>> 0).toNumber(true) : m.fromUserId;
            }
            if (m.fromUserName != null && $Object.hasOwnProperty.call(m, "fromUserName")) {
                d.fromUserName = m.fromUserName;
            }
            if (m.to != null && $Object.hasOwnProperty.call(m, "to")) {
                d.to = $root.cim.Destination.toObject(m.to, o, q + 1);
            }
            if (m.body != null && $Object.hasOwnProperty.call(m, "body")) {
                d.body = m.body;
            }
            if (m.ts != null && $Object.hasOwnProperty.call(m, "ts")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.ts = typeof m.ts === "number" ? $BigInt(m.ts) : $util.Long.fromBits(m.ts.low >>> 0, m.ts.high >>> 0, true).toBigInt();
                else if (typeof m.ts === "number")
                    d.ts = o.longs === $String ? $String(m.ts) : m.ts;
                else
                    d.ts = o.longs === $String ? $util.Long.prototype.toString.call(m.ts) : o.longs === $Number ? new $util.LongBits(m.ts.low >>> 0, m.ts.high >>> 0).toNumber(true) : m.ts;
            }
            if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId")) {
                d.clientMsgId = m.clientMsgId;
            }
            if (m.recalled != null && $Object.hasOwnProperty.call(m, "recalled")) {
                d.recalled = m.recalled;
            }
            if (m.notice != null && $Object.hasOwnProperty.call(m, "notice")) {
                d.notice = $root.cim.Notice.toObject(m.notice, o, q + 1);
            }
            return d;
        };

        /**
         * Converts this Message to JSON.
         * @function toJSON
         * @memberof cim.Message
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Message.prototype.toJSON = function() {
            return Message.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Message
         * @function getTypeUrl
         * @memberof cim.Message
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Message.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Message";
        };

        return Message;
    })();

    cim.Notice = (function() {

        /**
         * Properties of a Notice.
         * @typedef {Object} cim.Notice.$Properties
         * @property {cim.Notice.Kind|null} [kind] Notice kind
         * @property {Array.<number|Long>|null} [userIds] Notice userIds
         * @property {Array.<string>|null} [userNames] Notice userNames
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Notice.
         * @memberof cim
         * @interface INotice
         * @augments cim.Notice.$Properties
         * @deprecated Use cim.Notice.$Properties instead.
         */

        /**
         * Shape of a Notice.
         * @typedef {cim.Notice.$Properties} cim.Notice.$Shape
         */

        /**
         * Constructs a new Notice.
         * @memberof cim
         * @classdesc Represents a Notice.
         * @constructor
         * @param {cim.Notice.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Notice = function (p) {
            this.userIds = [];
            this.userNames = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Notice kind.
         * @member {cim.Notice.Kind} kind
         * @memberof cim.Notice
         * @instance
         */
        Notice.prototype.kind = 0;

        /**
         * Notice userIds.
         * @member {Array.<number|Long>} userIds
         * @memberof cim.Notice
         * @instance
         */
        Notice.prototype.userIds = $util.emptyArray;

        /**
         * Notice userNames.
         * @member {Array.<string>} userNames
         * @memberof cim.Notice
         * @instance
         */
        Notice.prototype.userNames = $util.emptyArray;

        /**
         * Creates a new Notice instance using the specified properties.
         * @function create
         * @memberof cim.Notice
         * @static
         * @param {cim.Notice.$Properties=} [properties] Properties to set
         * @returns {cim.Notice} Notice instance
         * @type {{
         *   (properties: cim.Notice.$Shape): cim.Notice & cim.Notice.$Shape;
         *   (properties?: cim.Notice.$Properties): cim.Notice;
         * }}
         */
        Notice.create = function(properties) {
            return new Notice(properties);
        };

        /**
         * Encodes the specified Notice message. Does not implicitly {@link cim.Notice.verify|verify} messages.
         * @function encode
         * @memberof cim.Notice
         * @static
         * @param {cim.Notice.$Properties} m Notice message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Notice.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.kind);
            if (m.userIds != null && m.userIds.length) {
                w.uint32(/* id 2, wireType 2 =*/18).uint64s(m.userIds);
            }
            if (m.userNames != null && m.userNames.length) {
                for (var i = 0; i < m.userNames.length; ++i)
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.userNames[i]);
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Notice message, length delimited. Does not implicitly {@link cim.Notice.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Notice
         * @static
         * @param {cim.Notice.$Properties} message Notice message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Notice.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Notice message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Notice
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Notice & cim.Notice.$Shape} Notice
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Notice.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Notice();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.kind = v;
                        else
                            delete m.kind;
                        continue;
                    }
                case 2: {
                        if (u === 2) {
                            if (!(m.userIds && m.userIds.length))
                                m.userIds = [];
                            r.uint64s(m.userIds);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.userIds && m.userIds.length))
                            m.userIds = [];
                        m.userIds.push(r.uint64());
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if (!(m.userNames && m.userNames.length))
                            m.userNames = [];
                        m.userNames.push(r.stringVerify());
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Notice message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Notice
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Notice & cim.Notice.$Shape} Notice
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Notice.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Notice message.
         * @function verify
         * @memberof cim.Notice
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Notice.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                if (typeof m.kind !== "number" || (m.kind | 0) !== m.kind)
                    return "kind: enum value expected";
            }
            if (m.userIds != null && $Object.hasOwnProperty.call(m, "userIds")) {
                if (!$Array.isArray(m.userIds))
                    return "userIds: array expected";
                for (var i = 0; i < m.userIds.length; ++i) {
                    if (!$util.isInteger(m.userIds[i]) && !(m.userIds[i] && $util.isInteger(m.userIds[i].low) && $util.isInteger(m.userIds[i].high)))
                        return "userIds: integer|Long[] expected";
                }
            }
            if (m.userNames != null && $Object.hasOwnProperty.call(m, "userNames")) {
                if (!$Array.isArray(m.userNames))
                    return "userNames: array expected";
                for (var i = 0; i < m.userNames.length; ++i) {
                    if (!$util.isString(m.userNames[i]))
                        return "userNames: string[] expected";
                }
            }
            return null;
        };

        /**
         * Creates a Notice message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Notice
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Notice} Notice
         */
        Notice.fromObject = function (d, q) {
            if (d instanceof $root.cim.Notice)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Notice: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Notice();
            if (d.kind !== 0 && (typeof d.kind !== "string" || $root.cim.Notice.Kind[d.kind] !== 0)) {
                switch (d.kind) {
                case "KIND_UNSPECIFIED":
                case 0:
                    m.kind = 0;
                    break;
                case "MEMBERS_ADDED":
                case 1:
                    m.kind = 1;
                    break;
                default:
                    if (typeof d.kind === "number" && (d.kind | 0) === d.kind)
                        m.kind = d.kind;
                }
            }
            if (d.userIds) {
                if (!$Array.isArray(d.userIds))
                    throw $TypeError(".cim.Notice.userIds: array expected");
                m.userIds = $Array(d.userIds.length);
                for (var i = 0; i < d.userIds.length; ++i) {
                    if ($util.Long)
                        m.userIds[i] = $util.Long.fromValue(d.userIds[i], true);
                    else if (typeof d.userIds[i] === "string")
                        m.userIds[i] = $parseInt(d.userIds[i], 10);
                    else if (typeof d.userIds[i] === "number")
                        m.userIds[i] = d.userIds[i];
                    else if (typeof d.userIds[i] === "object")
                        m.userIds[i] = new $util.LongBits(d.userIds[i].low >>> 0, d.userIds[i].high >>> 0).toNumber(true);
                }
            }
            if (d.userNames) {
                if (!$Array.isArray(d.userNames))
                    throw $TypeError(".cim.Notice.userNames: array expected");
                m.userNames = $Array(d.userNames.length);
                for (var i = 0; i < d.userNames.length; ++i) {
                    m.userNames[i] = $String(d.userNames[i]);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a Notice message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Notice
         * @static
         * @param {cim.Notice} m Notice
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Notice.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.userIds = [];
                d.userNames = [];
            }
            if (o.defaults) {
                d.kind = o.enums === $String ? "KIND_UNSPECIFIED" : 0;
            }
            if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                d.kind = o.enums === $String ? $root.cim.Notice.Kind[m.kind] === $undefined ? m.kind : $root.cim.Notice.Kind[m.kind] : m.kind;
            }
            if (m.userIds && m.userIds.length) {
                d.userIds = $Array(m.userIds.length);
                for (var j = 0; j < m.userIds.length; ++j) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.userIds[j] = typeof m.userIds[j] === "number" ? $BigInt(m.userIds[j]) : $util.Long.fromBits(m.userIds[j].low >>> 0, m.userIds[j].high >>> 0, true).toBigInt();
                    else if (typeof m.userIds[j] === "number")
                        d.userIds[j] = o.longs === $String ? $String(m.userIds[j]) : m.userIds[j];
                    else
                        d.userIds[j] = o.longs === $String ? $util.Long.prototype.toString.call(m.userIds[j]) : o.longs === $Number ? new $util.LongBits(m.userIds[j].low >>> 0, m.userIds[j].high >>> 0).toNumber(true) : m.userIds[j];
                }
            }
            if (m.userNames && m.userNames.length) {
                d.userNames = $Array(m.userNames.length);
                for (var j = 0; j < m.userNames.length; ++j) {
                    d.userNames[j] = m.userNames[j];
                }
            }
            return d;
        };

        /**
         * Converts this Notice to JSON.
         * @function toJSON
         * @memberof cim.Notice
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Notice.prototype.toJSON = function() {
            return Notice.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Notice
         * @function getTypeUrl
         * @memberof cim.Notice
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Notice.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Notice";
        };

        /**
         * Kind enum.
         * @name cim.Notice.Kind
         * @enum {number}
         * @property {number} KIND_UNSPECIFIED=0 KIND_UNSPECIFIED value
         * @property {number} MEMBERS_ADDED=1 MEMBERS_ADDED value
         */
        Notice.Kind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "MEMBERS_ADDED"] = 1;
            return values;
        })();

        return Notice;
    })();

    cim.Deliver = (function() {

        /**
         * Properties of a Deliver.
         * @typedef {Object} cim.Deliver.$Properties
         * @property {cim.Message.$Properties|null} [message] Deliver message
         * @property {number|Long|null} [cursor] Deliver cursor
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Deliver.
         * @memberof cim
         * @interface IDeliver
         * @augments cim.Deliver.$Properties
         * @deprecated Use cim.Deliver.$Properties instead.
         */

        /**
         * Shape of a Deliver.
         * @typedef {{
         *   message?: cim.Message.$Shape|null;
         *   cursor?: number|Long|null;
         *   $unknowns?: Array.<Uint8Array>;
         * }} cim.Deliver.$Shape
         */

        /**
         * Constructs a new Deliver.
         * @memberof cim
         * @classdesc Represents a Deliver.
         * @constructor
         * @param {cim.Deliver.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Deliver = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Deliver message.
         * @member {cim.Message.$Properties|null|undefined} message
         * @memberof cim.Deliver
         * @instance
         */
        Deliver.prototype.message = null;

        /**
         * Deliver cursor.
         * @member {number|Long} cursor
         * @memberof cim.Deliver
         * @instance
         */
        Deliver.prototype.cursor = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Deliver instance using the specified properties.
         * @function create
         * @memberof cim.Deliver
         * @static
         * @param {cim.Deliver.$Properties=} [properties] Properties to set
         * @returns {cim.Deliver} Deliver instance
         * @type {{
         *   (properties: cim.Deliver.$Shape): cim.Deliver & cim.Deliver.$Shape;
         *   (properties?: cim.Deliver.$Properties): cim.Deliver;
         * }}
         */
        Deliver.create = function(properties) {
            return new Deliver(properties);
        };

        /**
         * Encodes the specified Deliver message. Does not implicitly {@link cim.Deliver.verify|verify} messages.
         * @function encode
         * @memberof cim.Deliver
         * @static
         * @param {cim.Deliver.$Properties} m Deliver message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Deliver.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.message != null && $Object.hasOwnProperty.call(m, "message"))
                $root.cim.Message.encode(m.message, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
            if (m.cursor != null && $Object.hasOwnProperty.call(m, "cursor") && (typeof m.cursor === "object" ? m.cursor.low || m.cursor.high : m.cursor !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.cursor);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Deliver message, length delimited. Does not implicitly {@link cim.Deliver.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Deliver
         * @static
         * @param {cim.Deliver.$Properties} message Deliver message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Deliver.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Deliver message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Deliver
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Deliver & cim.Deliver.$Shape} Deliver
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Deliver.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Deliver();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        m.message = $root.cim.Message.decode(r, r.size(), $undefined, q + 1, m.message);
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.cursor = v;
                        else
                            delete m.cursor;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Deliver message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Deliver
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Deliver & cim.Deliver.$Shape} Deliver
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Deliver.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Deliver message.
         * @function verify
         * @memberof cim.Deliver
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Deliver.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                {
                    var e = $root.cim.Message.verify(m.message, q + 1);
                    if (e)
                        return "message." + e;
                }
            }
            if (m.cursor != null && $Object.hasOwnProperty.call(m, "cursor")) {
                if (!$util.isInteger(m.cursor) && !(m.cursor && $util.isInteger(m.cursor.low) && $util.isInteger(m.cursor.high)))
                    return "cursor: integer|Long expected";
            }
            return null;
        };

        /**
         * Creates a Deliver message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Deliver
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Deliver} Deliver
         */
        Deliver.fromObject = function (d, q) {
            if (d instanceof $root.cim.Deliver)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Deliver: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Deliver();
            if (d.message != null) {
                if (!$util.isObject(d.message))
                    throw $TypeError(".cim.Deliver.message: object expected");
                m.message = $root.cim.Message.fromObject(d.message, q + 1);
            }
            if (d.cursor != null) {
                if (typeof d.cursor === "object" ? d.cursor.low || d.cursor.high : $Number(d.cursor) !== 0) {
                    if ($util.Long)
                        m.cursor = $util.Long.fromValue(d.cursor, true);
                    else if (typeof d.cursor === "string")
                        m.cursor = $parseInt(d.cursor, 10);
                    else if (typeof d.cursor === "number")
                        m.cursor = d.cursor;
                    else if (typeof d.cursor === "object")
                        m.cursor = new $util.LongBits(d.cursor.low >>> 0, d.cursor.high >>> 0).toNumber(true);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a Deliver message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Deliver
         * @static
         * @param {cim.Deliver} m Deliver
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Deliver.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.message = null;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.cursor = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.cursor = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                d.message = $root.cim.Message.toObject(m.message, o, q + 1);
            }
            if (m.cursor != null && $Object.hasOwnProperty.call(m, "cursor")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.cursor = typeof m.cursor === "number" ? $BigInt(m.cursor) : $util.Long.fromBits(m.cursor.low >>> 0, m.cursor.high >>> 0, true).toBigInt();
                else if (typeof m.cursor === "number")
                    d.cursor = o.longs === $String ? $String(m.cursor) : m.cursor;
                else
                    d.cursor = o.longs === $String ? $util.Long.prototype.toString.call(m.cursor) : o.longs === $Number ? new $util.LongBits(m.cursor.low >>> 0, m.cursor.high >>> 0).toNumber(true) : m.cursor;
            }
            return d;
        };

        /**
         * Converts this Deliver to JSON.
         * @function toJSON
         * @memberof cim.Deliver
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Deliver.prototype.toJSON = function() {
            return Deliver.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Deliver
         * @function getTypeUrl
         * @memberof cim.Deliver
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Deliver.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Deliver";
        };

        return Deliver;
    })();

    cim.SendResult = (function() {

        /**
         * Properties of a SendResult.
         * @typedef {Object} cim.SendResult.$Properties
         * @property {string|null} [clientMsgId] SendResult clientMsgId
         * @property {number|Long|null} [msgId] SendResult msgId
         * @property {string|null} [conversationId] SendResult conversationId
         * @property {number|Long|null} [seq] SendResult seq
         * @property {number|Long|null} [ts] SendResult ts
         * @property {cim.Error.$Properties|null} [error] SendResult error
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a SendResult.
         * @memberof cim
         * @interface ISendResult
         * @augments cim.SendResult.$Properties
         * @deprecated Use cim.SendResult.$Properties instead.
         */

        /**
         * Shape of a SendResult.
         * @typedef {cim.SendResult.$Properties} cim.SendResult.$Shape
         */

        /**
         * Constructs a new SendResult.
         * @memberof cim
         * @classdesc Represents a SendResult.
         * @constructor
         * @param {cim.SendResult.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const SendResult = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * SendResult clientMsgId.
         * @member {string} clientMsgId
         * @memberof cim.SendResult
         * @instance
         */
        SendResult.prototype.clientMsgId = "";

        /**
         * SendResult msgId.
         * @member {number|Long} msgId
         * @memberof cim.SendResult
         * @instance
         */
        SendResult.prototype.msgId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SendResult conversationId.
         * @member {string} conversationId
         * @memberof cim.SendResult
         * @instance
         */
        SendResult.prototype.conversationId = "";

        /**
         * SendResult seq.
         * @member {number|Long} seq
         * @memberof cim.SendResult
         * @instance
         */
        SendResult.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SendResult ts.
         * @member {number|Long} ts
         * @memberof cim.SendResult
         * @instance
         */
        SendResult.prototype.ts = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * SendResult error.
         * @member {cim.Error.$Properties|null|undefined} error
         * @memberof cim.SendResult
         * @instance
         */
        SendResult.prototype.error = null;

        /**
         * Creates a new SendResult instance using the specified properties.
         * @function create
         * @memberof cim.SendResult
         * @static
         * @param {cim.SendResult.$Properties=} [properties] Properties to set
         * @returns {cim.SendResult} SendResult instance
         * @type {{
         *   (properties: cim.SendResult.$Shape): cim.SendResult & cim.SendResult.$Shape;
         *   (properties?: cim.SendResult.$Properties): cim.SendResult;
         * }}
         */
        SendResult.create = function(properties) {
            return new SendResult(properties);
        };

        /**
         * Encodes the specified SendResult message. Does not implicitly {@link cim.SendResult.verify|verify} messages.
         * @function encode
         * @memberof cim.SendResult
         * @static
         * @param {cim.SendResult.$Properties} m SendResult message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SendResult.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId") && m.clientMsgId !== "")
                w.uint32(/* id 1, wireType 2 =*/10).string(m.clientMsgId);
            if (m.msgId != null && $Object.hasOwnProperty.call(m, "msgId") && (typeof m.msgId === "object" ? m.msgId.low || m.msgId.high : m.msgId !== 0))
                w.uint32(/* id 2, wireType 0 =*/16).uint64(m.msgId);
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                w.uint32(/* id 3, wireType 2 =*/26).string(m.conversationId);
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                w.uint32(/* id 4, wireType 0 =*/32).uint64(m.seq);
            if (m.ts != null && $Object.hasOwnProperty.call(m, "ts") && (typeof m.ts === "object" ? m.ts.low || m.ts.high : m.ts !== 0))
                w.uint32(/* id 5, wireType 0 =*/40).uint64(m.ts);
            if (m.error != null && $Object.hasOwnProperty.call(m, "error"))
                $root.cim.Error.encode(m.error, w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified SendResult message, length delimited. Does not implicitly {@link cim.SendResult.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.SendResult
         * @static
         * @param {cim.SendResult.$Properties} message SendResult message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        SendResult.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a SendResult message from the specified reader or buffer.
         * @function decode
         * @memberof cim.SendResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.SendResult & cim.SendResult.$Shape} SendResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SendResult.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.SendResult();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.clientMsgId = v;
                        else
                            delete m.clientMsgId;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.msgId = v;
                        else
                            delete m.msgId;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.conversationId = v;
                        else
                            delete m.conversationId;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.seq = v;
                        else
                            delete m.seq;
                        continue;
                    }
                case 5: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.ts = v;
                        else
                            delete m.ts;
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        m.error = $root.cim.Error.decode(r, r.size(), $undefined, q + 1, m.error);
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a SendResult message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.SendResult
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.SendResult & cim.SendResult.$Shape} SendResult
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        SendResult.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a SendResult message.
         * @function verify
         * @memberof cim.SendResult
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        SendResult.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId")) {
                if (!$util.isString(m.clientMsgId))
                    return "clientMsgId: string expected";
            }
            if (m.msgId != null && $Object.hasOwnProperty.call(m, "msgId")) {
                if (!$util.isInteger(m.msgId) && !(m.msgId && $util.isInteger(m.msgId.low) && $util.isInteger(m.msgId.high)))
                    return "msgId: integer|Long expected";
            }
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId")) {
                if (!$util.isString(m.conversationId))
                    return "conversationId: string expected";
            }
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                if (!$util.isInteger(m.seq) && !(m.seq && $util.isInteger(m.seq.low) && $util.isInteger(m.seq.high)))
                    return "seq: integer|Long expected";
            }
            if (m.ts != null && $Object.hasOwnProperty.call(m, "ts")) {
                if (!$util.isInteger(m.ts) && !(m.ts && $util.isInteger(m.ts.low) && $util.isInteger(m.ts.high)))
                    return "ts: integer|Long expected";
            }
            if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                {
                    var e = $root.cim.Error.verify(m.error, q + 1);
                    if (e)
                        return "error." + e;
                }
            }
            return null;
        };

        /**
         * Creates a SendResult message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.SendResult
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.SendResult} SendResult
         */
        SendResult.fromObject = function (d, q) {
            if (d instanceof $root.cim.SendResult)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.SendResult: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.SendResult();
            if (d.clientMsgId != null) {
                if (typeof d.clientMsgId !== "string" || d.clientMsgId.length) {
                    m.clientMsgId = $String(d.clientMsgId);
                }
            }
            if (d.msgId != null) {
                if (typeof d.msgId === "object" ? d.msgId.low || d.msgId.high : $Number(d.msgId) !== 0) {
                    if ($util.Long)
                        m.msgId = $util.Long.fromValue(d.msgId, true);
                    else if (typeof d.msgId === "string")
                        m.msgId = $parseInt(d.msgId, 10);
                    else if (typeof d.msgId === "number")
                        m.msgId = d.msgId;
                    else if (typeof d.msgId === "object")
                        m.msgId = new $util.LongBits(d.msgId.low >>> 0, d.msgId.high >>> 0).toNumber(true);
                }
            }
            if (d.conversationId != null) {
                if (typeof d.conversationId !== "string" || d.conversationId.length) {
                    m.conversationId = $String(d.conversationId);
                }
            }
            if (d.seq != null) {
                if (typeof d.seq === "object" ? d.seq.low || d.seq.high : $Number(d.seq) !== 0) {
                    if ($util.Long)
                        m.seq = $util.Long.fromValue(d.seq, true);
                    else if (typeof d.seq === "string")
                        m.seq = $parseInt(d.seq, 10);
                    else if (typeof d.seq === "number")
                        m.seq = d.seq;
                    else if (typeof d.seq === "object")
                        m.seq = new $util.LongBits(d.seq.low >>> 0, d.seq.high >>> 0).toNumber(true);
                }
            }
            if (d.ts != null) {
                if (typeof d.ts === "object" ? d.ts.low || d.ts.high : $Number(d.ts) !== 0) {
                    if ($util.Long)
                        m.ts = $util.Long.fromValue(d.ts, true);
                    else if (typeof d.ts === "string")
                        m.ts = $parseInt(d.ts, 10);
                    else if (typeof d.ts === "number")
                        m.ts = d.ts;
                    else if (typeof d.ts === "object")
                        m.ts = new $util.LongBits(d.ts.low >>> 0, d.ts.high >>> 0).toNumber(true);
                }
            }
            if (d.error != null) {
                if (!$util.isObject(d.error))
                    throw $TypeError(".cim.SendResult.error: object expected");
                m.error = $root.cim.Error.fromObject(d.error, q + 1);
            }
            return m;
        };

        /**
         * Creates a plain object from a SendResult message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.SendResult
         * @static
         * @param {cim.SendResult} m SendResult
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        SendResult.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.clientMsgId = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.msgId = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.msgId = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.conversationId = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.ts = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.ts = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.error = null;
            }
            if (m.clientMsgId != null && $Object.hasOwnProperty.call(m, "clientMsgId")) {
                d.clientMsgId = m.clientMsgId;
            }
            if (m.msgId != null && $Object.hasOwnProperty.call(m, "msgId")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.msgId = typeof m.msgId === "number" ? $BigInt(m.msgId) : $util.Long.fromBits(m.msgId.low >>> 0, m.msgId.high >>> 0, true).toBigInt();
                else if (typeof m.msgId === "number")
                    d.msgId = o.longs === $String ? $String(m.msgId) : m.msgId;
                else
                    d.msgId = o.longs === $String ? $util.Long.prototype.toString.call(m.msgId) : o.longs === $Number ? new $util.LongBits(m.msgId.low >>> 0, m.msgId.high >>> 0).toNumber(true) : m.msgId;
            }
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId")) {
                d.conversationId = m.conversationId;
            }
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.seq = typeof m.seq === "number" ? $BigInt(m.seq) : $util.Long.fromBits(m.seq.low >>> 0, m.seq.high >>> 0, true).toBigInt();
                else if (typeof m.seq === "number")
                    d.seq = o.longs === $String ? $String(m.seq) : m.seq;
                else
                    d.seq = o.longs === $String ? $util.Long.prototype.toString.call(m.seq) : o.longs === $Number ? new $util.LongBits(m.seq.low >>> 0, m.seq.high >>> 0).toNumber(true) : m.seq;
            }
            if (m.ts != null && $Object.hasOwnProperty.call(m, "ts")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.ts = typeof m.ts === "number" ? $BigInt(m.ts) : $util.Long.fromBits(m.ts.low >>> 0, m.ts.high >>> 0, true).toBigInt();
                else if (typeof m.ts === "number")
                    d.ts = o.longs === $String ? $String(m.ts) : m.ts;
                else
                    d.ts = o.longs === $String ? $util.Long.prototype.toString.call(m.ts) : o.longs === $Number ? new $util.LongBits(m.ts.low >>> 0, m.ts.high >>> 0).toNumber(true) : m.ts;
            }
            if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                d.error = $root.cim.Error.toObject(m.error, o, q + 1);
            }
            return d;
        };

        /**
         * Converts this SendResult to JSON.
         * @function toJSON
         * @memberof cim.SendResult
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        SendResult.prototype.toJSON = function() {
            return SendResult.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for SendResult
         * @function getTypeUrl
         * @memberof cim.SendResult
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        SendResult.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.SendResult";
        };

        return SendResult;
    })();

    cim.Receipt = (function() {

        /**
         * Properties of a Receipt.
         * @typedef {Object} cim.Receipt.$Properties
         * @property {cim.Receipt.Kind|null} [kind] Receipt kind
         * @property {string|null} [conversationId] Receipt conversationId
         * @property {number|Long|null} [msgId] Receipt msgId
         * @property {number|Long|null} [seq] Receipt seq
         * @property {number|Long|null} [byUserId] Receipt byUserId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Receipt.
         * @memberof cim
         * @interface IReceipt
         * @augments cim.Receipt.$Properties
         * @deprecated Use cim.Receipt.$Properties instead.
         */

        /**
         * Shape of a Receipt.
         * @typedef {cim.Receipt.$Properties} cim.Receipt.$Shape
         */

        /**
         * Constructs a new Receipt.
         * @memberof cim
         * @classdesc Represents a Receipt.
         * @constructor
         * @param {cim.Receipt.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Receipt = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Receipt kind.
         * @member {cim.Receipt.Kind} kind
         * @memberof cim.Receipt
         * @instance
         */
        Receipt.prototype.kind = 0;

        /**
         * Receipt conversationId.
         * @member {string} conversationId
         * @memberof cim.Receipt
         * @instance
         */
        Receipt.prototype.conversationId = "";

        /**
         * Receipt msgId.
         * @member {number|Long} msgId
         * @memberof cim.Receipt
         * @instance
         */
        Receipt.prototype.msgId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Receipt seq.
         * @member {number|Long} seq
         * @memberof cim.Receipt
         * @instance
         */
        Receipt.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Receipt byUserId.
         * @member {number|Long} byUserId
         * @memberof cim.Receipt
         * @instance
         */
        Receipt.prototype.byUserId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Receipt instance using the specified properties.
         * @function create
         * @memberof cim.Receipt
         * @static
         * @param {cim.Receipt.$Properties=} [properties] Properties to set
         * @returns {cim.Receipt} Receipt instance
         * @type {{
         *   (properties: cim.Receipt.$Shape): cim.Receipt & cim.Receipt.$Shape;
         *   (properties?: cim.Receipt.$Properties): cim.Receipt;
         * }}
         */
        Receipt.create = function(properties) {
            return new Receipt(properties);
        };

        /**
         * Encodes the specified Receipt message. Does not implicitly {@link cim.Receipt.verify|verify} messages.
         * @function encode
         * @memberof cim.Receipt
         * @static
         * @param {cim.Receipt.$Properties} m Receipt message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Receipt.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== 0)
                w.uint32(/* id 1, wireType 0 =*/8).int32(m.kind);
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                w.uint32(/* id 2, wireType 2 =*/18).string(m.conversationId);
            if (m.msgId != null && $Object.hasOwnProperty.call(m, "msgId") && (typeof m.msgId === "object" ? m.msgId.low || m.msgId.high : m.msgId !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.msgId);
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                w.uint32(/* id 4, wireType 0 =*/32).uint64(m.seq);
            if (m.byUserId != null && $Object.hasOwnProperty.call(m, "byUserId") && (typeof m.byUserId === "object" ? m.byUserId.low || m.byUserId.high : m.byUserId !== 0))
                w.uint32(/* id 5, wireType 0 =*/40).uint64(m.byUserId);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Receipt message, length delimited. Does not implicitly {@link cim.Receipt.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Receipt
         * @static
         * @param {cim.Receipt.$Properties} message Receipt message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Receipt.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Receipt message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Receipt
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Receipt & cim.Receipt.$Shape} Receipt
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Receipt.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Receipt();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.kind = v;
                        else
                            delete m.kind;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.conversationId = v;
                        else
                            delete m.conversationId;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.msgId = v;
                        else
                            delete m.msgId;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.seq = v;
                        else
                            delete m.seq;
                        continue;
                    }
                case 5: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.byUserId = v;
                        else
                            delete m.byUserId;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Receipt message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Receipt
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Receipt & cim.Receipt.$Shape} Receipt
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Receipt.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Receipt message.
         * @function verify
         * @memberof cim.Receipt
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Receipt.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                if (typeof m.kind !== "number" || (m.kind | 0) !== m.kind)
                    return "kind: enum value expected";
            }
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId")) {
                if (!$util.isString(m.conversationId))
                    return "conversationId: string expected";
            }
            if (m.msgId != null && $Object.hasOwnProperty.call(m, "msgId")) {
                if (!$util.isInteger(m.msgId) && !(m.msgId && $util.isInteger(m.msgId.low) && $util.isInteger(m.msgId.high)))
                    return "msgId: integer|Long expected";
            }
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                if (!$util.isInteger(m.seq) && !(m.seq && $util.isInteger(m.seq.low) && $util.isInteger(m.seq.high)))
                    return "seq: integer|Long expected";
            }
            if (m.byUserId != null && $Object.hasOwnProperty.call(m, "byUserId")) {
                if (!$util.isInteger(m.byUserId) && !(m.byUserId && $util.isInteger(m.byUserId.low) && $util.isInteger(m.byUserId.high)))
                    return "byUserId: integer|Long expected";
            }
            return null;
        };

        /**
         * Creates a Receipt message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Receipt
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Receipt} Receipt
         */
        Receipt.fromObject = function (d, q) {
            if (d instanceof $root.cim.Receipt)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Receipt: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Receipt();
            if (d.kind !== 0 && (typeof d.kind !== "string" || $root.cim.Receipt.Kind[d.kind] !== 0)) {
                switch (d.kind) {
                case "KIND_UNSPECIFIED":
                case 0:
                    m.kind = 0;
                    break;
                case "STORED":
                case 1:
                    m.kind = 1;
                    break;
                case "DELIVERED":
                case 2:
                    m.kind = 2;
                    break;
                case "READ":
                case 3:
                    m.kind = 3;
                    break;
                default:
                    if (typeof d.kind === "number" && (d.kind | 0) === d.kind)
                        m.kind = d.kind;
                }
            }
            if (d.conversationId != null) {
                if (typeof d.conversationId !== "string" || d.conversationId.length) {
                    m.conversationId = $String(d.conversationId);
                }
            }
            if (d.msgId != null) {
                if (typeof d.msgId === "object" ? d.msgId.low || d.msgId.high : $Number(d.msgId) !== 0) {
                    if ($util.Long)
                        m.msgId = $util.Long.fromValue(d.msgId, true);
                    else if (typeof d.msgId === "string")
                        m.msgId = $parseInt(d.msgId, 10);
                    else if (typeof d.msgId === "number")
                        m.msgId = d.msgId;
                    else if (typeof d.msgId === "object")
                        m.msgId = new $util.LongBits(d.msgId.low >>> 0, d.msgId.high >>> 0).toNumber(true);
                }
            }
            if (d.seq != null) {
                if (typeof d.seq === "object" ? d.seq.low || d.seq.high : $Number(d.seq) !== 0) {
                    if ($util.Long)
                        m.seq = $util.Long.fromValue(d.seq, true);
                    else if (typeof d.seq === "string")
                        m.seq = $parseInt(d.seq, 10);
                    else if (typeof d.seq === "number")
                        m.seq = d.seq;
                    else if (typeof d.seq === "object")
                        m.seq = new $util.LongBits(d.seq.low >>> 0, d.seq.high >>> 0).toNumber(true);
                }
            }
            if (d.byUserId != null) {
                if (typeof d.byUserId === "object" ? d.byUserId.low || d.byUserId.high : $Number(d.byUserId) !== 0) {
                    if ($util.Long)
                        m.byUserId = $util.Long.fromValue(d.byUserId, true);
                    else if (typeof d.byUserId === "string")
                        m.byUserId = $parseInt(d.byUserId, 10);
                    else if (typeof d.byUserId === "number")
                        m.byUserId = d.byUserId;
                    else if (typeof d.byUserId === "object")
                        m.byUserId = new $util.LongBits(d.byUserId.low >>> 0, d.byUserId.high >>> 0).toNumber(true);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a Receipt message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Receipt
         * @static
         * @param {cim.Receipt} m Receipt
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Receipt.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.kind = o.enums === $String ? "KIND_UNSPECIFIED" : 0;
                d.conversationId = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.msgId = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.msgId = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.byUserId = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.byUserId = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                d.kind = o.enums === $String ? $root.cim.Receipt.Kind[m.kind] === $undefined ? m.kind : $root.cim.Receipt.Kind[m.kind] : m.kind;
            }
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId")) {
                d.conversationId = m.conversationId;
            }
            if (m.msgId != null && $Object.hasOwnProperty.call(m, "msgId")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.msgId = typeof m.msgId === "number" ? $BigInt(m.msgId) : $util.Long.fromBits(m.msgId.low >>> 0, m.msgId.high >>> 0, true).toBigInt();
                else if (typeof m.msgId === "number")
                    d.msgId = o.longs === $String ? $String(m.msgId) : m.msgId;
                else
                    d.msgId = o.longs === $String ? $util.Long.prototype.toString.call(m.msgId) : o.longs === $Number ? new $util.LongBits(m.msgId.low >>> 0, m.msgId.high >>> 0).toNumber(true) : m.msgId;
            }
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.seq = typeof m.seq === "number" ? $BigInt(m.seq) : $util.Long.fromBits(m.seq.low >>> 0, m.seq.high >>> 0, true).toBigInt();
                else if (typeof m.seq === "number")
                    d.seq = o.longs === $String ? $String(m.seq) : m.seq;
                else
                    d.seq = o.longs === $String ? $util.Long.prototype.toString.call(m.seq) : o.longs === $Number ? new $util.LongBits(m.seq.low >>> 0, m.seq.high >>> 0).toNumber(true) : m.seq;
            }
            if (m.byUserId != null && $Object.hasOwnProperty.call(m, "byUserId")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.byUserId = typeof m.byUserId === "number" ? $BigInt(m.byUserId) : $util.Long.fromBits(m.byUserId.low >>> 0, m.byUserId.high >>> 0, true).toBigInt();
                else if (typeof m.byUserId === "number")
                    d.byUserId = o.longs === $String ? $String(m.byUserId) : m.byUserId;
                else
                    d.byUserId = o.longs === $String ? $util.Long.prototype.toString.call(m.byUserId) : o.longs === $Number ? new $util.LongBits(m.byUserId.low >>> 0, m.byUserId.high >>> 0).toNumber(true) : m.byUserId;
            }
            return d;
        };

        /**
         * Converts this Receipt to JSON.
         * @function toJSON
         * @memberof cim.Receipt
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Receipt.prototype.toJSON = function() {
            return Receipt.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Receipt
         * @function getTypeUrl
         * @memberof cim.Receipt
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Receipt.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Receipt";
        };

        /**
         * Kind enum.
         * @name cim.Receipt.Kind
         * @enum {number}
         * @property {number} KIND_UNSPECIFIED=0 KIND_UNSPECIFIED value
         * @property {number} STORED=1 STORED value
         * @property {number} DELIVERED=2 DELIVERED value
         * @property {number} READ=3 READ value
         */
        Receipt.Kind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "STORED"] = 1;
            values[valuesById[2] = "DELIVERED"] = 2;
            values[valuesById[3] = "READ"] = 3;
            return values;
        })();

        return Receipt;
    })();

    cim.Recalled = (function() {

        /**
         * Properties of a Recalled.
         * @typedef {Object} cim.Recalled.$Properties
         * @property {number|Long|null} [msgId] Recalled msgId
         * @property {string|null} [conversationId] Recalled conversationId
         * @property {number|Long|null} [seq] Recalled seq
         * @property {number|Long|null} [byUserId] Recalled byUserId
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Recalled.
         * @memberof cim
         * @interface IRecalled
         * @augments cim.Recalled.$Properties
         * @deprecated Use cim.Recalled.$Properties instead.
         */

        /**
         * Shape of a Recalled.
         * @typedef {cim.Recalled.$Properties} cim.Recalled.$Shape
         */

        /**
         * Constructs a new Recalled.
         * @memberof cim
         * @classdesc Represents a Recalled.
         * @constructor
         * @param {cim.Recalled.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Recalled = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Recalled msgId.
         * @member {number|Long} msgId
         * @memberof cim.Recalled
         * @instance
         */
        Recalled.prototype.msgId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Recalled conversationId.
         * @member {string} conversationId
         * @memberof cim.Recalled
         * @instance
         */
        Recalled.prototype.conversationId = "";

        /**
         * Recalled seq.
         * @member {number|Long} seq
         * @memberof cim.Recalled
         * @instance
         */
        Recalled.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Recalled byUserId.
         * @member {number|Long} byUserId
         * @memberof cim.Recalled
         * @instance
         */
        Recalled.prototype.byUserId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * Creates a new Recalled instance using the specified properties.
         * @function create
         * @memberof cim.Recalled
         * @static
         * @param {cim.Recalled.$Properties=} [properties] Properties to set
         * @returns {cim.Recalled} Recalled instance
         * @type {{
         *   (properties: cim.Recalled.$Shape): cim.Recalled & cim.Recalled.$Shape;
         *   (properties?: cim.Recalled.$Properties): cim.Recalled;
         * }}
         */
        Recalled.create = function(properties) {
            return new Recalled(properties);
        };

        /**
         * Encodes the specified Recalled message. Does not implicitly {@link cim.Recalled.verify|verify} messages.
         * @function encode
         * @memberof cim.Recalled
         * @static
         * @param {cim.Recalled.$Properties} m Recalled message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Recalled.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.msgId != null && $Object.hasOwnProperty.call(m, "msgId") && (typeof m.msgId === "object" ? m.msgId.low || m.msgId.high : m.msgId !== 0))
                w.uint32(/* id 1, wireType 0 =*/8).uint64(m.msgId);
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId") && m.conversationId !== "")
                w.uint32(/* id 2, wireType 2 =*/18).string(m.conversationId);
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                w.uint32(/* id 3, wireType 0 =*/24).uint64(m.seq);
            if (m.byUserId != null && $Object.hasOwnProperty.call(m, "byUserId") && (typeof m.byUserId === "object" ? m.byUserId.low || m.byUserId.high : m.byUserId !== 0))
                w.uint32(/* id 4, wireType 0 =*/32).uint64(m.byUserId);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Recalled message, length delimited. Does not implicitly {@link cim.Recalled.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Recalled
         * @static
         * @param {cim.Recalled.$Properties} message Recalled message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Recalled.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Recalled message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Recalled
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Recalled & cim.Recalled.$Shape} Recalled
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Recalled.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Recalled();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.msgId = v;
                        else
                            delete m.msgId;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.conversationId = v;
                        else
                            delete m.conversationId;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.seq = v;
                        else
                            delete m.seq;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.byUserId = v;
                        else
                            delete m.byUserId;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Recalled message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Recalled
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Recalled & cim.Recalled.$Shape} Recalled
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Recalled.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Recalled message.
         * @function verify
         * @memberof cim.Recalled
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Recalled.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.msgId != null && $Object.hasOwnProperty.call(m, "msgId")) {
                if (!$util.isInteger(m.msgId) && !(m.msgId && $util.isInteger(m.msgId.low) && $util.isInteger(m.msgId.high)))
                    return "msgId: integer|Long expected";
            }
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId")) {
                if (!$util.isString(m.conversationId))
                    return "conversationId: string expected";
            }
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                if (!$util.isInteger(m.seq) && !(m.seq && $util.isInteger(m.seq.low) && $util.isInteger(m.seq.high)))
                    return "seq: integer|Long expected";
            }
            if (m.byUserId != null && $Object.hasOwnProperty.call(m, "byUserId")) {
                if (!$util.isInteger(m.byUserId) && !(m.byUserId && $util.isInteger(m.byUserId.low) && $util.isInteger(m.byUserId.high)))
                    return "byUserId: integer|Long expected";
            }
            return null;
        };

        /**
         * Creates a Recalled message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Recalled
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Recalled} Recalled
         */
        Recalled.fromObject = function (d, q) {
            if (d instanceof $root.cim.Recalled)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Recalled: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Recalled();
            if (d.msgId != null) {
                if (typeof d.msgId === "object" ? d.msgId.low || d.msgId.high : $Number(d.msgId) !== 0) {
                    if ($util.Long)
                        m.msgId = $util.Long.fromValue(d.msgId, true);
                    else if (typeof d.msgId === "string")
                        m.msgId = $parseInt(d.msgId, 10);
                    else if (typeof d.msgId === "number")
                        m.msgId = d.msgId;
                    else if (typeof d.msgId === "object")
                        m.msgId = new $util.LongBits(d.msgId.low >>> 0, d.msgId.high >>> 0).toNumber(true);
                }
            }
            if (d.conversationId != null) {
                if (typeof d.conversationId !== "string" || d.conversationId.length) {
                    m.conversationId = $String(d.conversationId);
                }
            }
            if (d.seq != null) {
                if (typeof d.seq === "object" ? d.seq.low || d.seq.high : $Number(d.seq) !== 0) {
                    if ($util.Long)
                        m.seq = $util.Long.fromValue(d.seq, true);
                    else if (typeof d.seq === "string")
                        m.seq = $parseInt(d.seq, 10);
                    else if (typeof d.seq === "number")
                        m.seq = d.seq;
                    else if (typeof d.seq === "object")
                        m.seq = new $util.LongBits(d.seq.low >>> 0, d.seq.high >>> 0).toNumber(true);
                }
            }
            if (d.byUserId != null) {
                if (typeof d.byUserId === "object" ? d.byUserId.low || d.byUserId.high : $Number(d.byUserId) !== 0) {
                    if ($util.Long)
                        m.byUserId = $util.Long.fromValue(d.byUserId, true);
                    else if (typeof d.byUserId === "string")
                        m.byUserId = $parseInt(d.byUserId, 10);
                    else if (typeof d.byUserId === "number")
                        m.byUserId = d.byUserId;
                    else if (typeof d.byUserId === "object")
                        m.byUserId = new $util.LongBits(d.byUserId.low >>> 0, d.byUserId.high >>> 0).toNumber(true);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a Recalled message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Recalled
         * @static
         * @param {cim.Recalled} m Recalled
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Recalled.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.msgId = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.msgId = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.conversationId = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.byUserId = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.byUserId = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.msgId != null && $Object.hasOwnProperty.call(m, "msgId")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.msgId = typeof m.msgId === "number" ? $BigInt(m.msgId) : $util.Long.fromBits(m.msgId.low >>> 0, m.msgId.high >>> 0, true).toBigInt();
                else if (typeof m.msgId === "number")
                    d.msgId = o.longs === $String ? $String(m.msgId) : m.msgId;
                else
                    d.msgId = o.longs === $String ? $util.Long.prototype.toString.call(m.msgId) : o.longs === $Number ? new $util.LongBits(m.msgId.low >>> 0, m.msgId.high >>> 0).toNumber(true) : m.msgId;
            }
            if (m.conversationId != null && $Object.hasOwnProperty.call(m, "conversationId")) {
                d.conversationId = m.conversationId;
            }
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.seq = typeof m.seq === "number" ? $BigInt(m.seq) : $util.Long.fromBits(m.seq.low >>> 0, m.seq.high >>> 0, true).toBigInt();
                else if (typeof m.seq === "number")
                    d.seq = o.longs === $String ? $String(m.seq) : m.seq;
                else
                    d.seq = o.longs === $String ? $util.Long.prototype.toString.call(m.seq) : o.longs === $Number ? new $util.LongBits(m.seq.low >>> 0, m.seq.high >>> 0).toNumber(true) : m.seq;
            }
            if (m.byUserId != null && $Object.hasOwnProperty.call(m, "byUserId")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.byUserId = typeof m.byUserId === "number" ? $BigInt(m.byUserId) : $util.Long.fromBits(m.byUserId.low >>> 0, m.byUserId.high >>> 0, true).toBigInt();
                else if (typeof m.byUserId === "number")
                    d.byUserId = o.longs === $String ? $String(m.byUserId) : m.byUserId;
                else
                    d.byUserId = o.longs === $String ? $util.Long.prototype.toString.call(m.byUserId) : o.longs === $Number ? new $util.LongBits(m.byUserId.low >>> 0, m.byUserId.high >>> 0).toNumber(true) : m.byUserId;
            }
            return d;
        };

        /**
         * Converts this Recalled to JSON.
         * @function toJSON
         * @memberof cim.Recalled
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Recalled.prototype.toJSON = function() {
            return Recalled.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Recalled
         * @function getTypeUrl
         * @memberof cim.Recalled
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Recalled.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Recalled";
        };

        return Recalled;
    })();

    cim.Kick = (function() {

        /**
         * Properties of a Kick.
         * @typedef {Object} cim.Kick.$Properties
         * @property {string|null} [reason] Kick reason
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Kick.
         * @memberof cim
         * @interface IKick
         * @augments cim.Kick.$Properties
         * @deprecated Use cim.Kick.$Properties instead.
         */

        /**
         * Shape of a Kick.
         * @typedef {cim.Kick.$Properties} cim.Kick.$Shape
         */

        /**
         * Constructs a new Kick.
         * @memberof cim
         * @classdesc Represents a Kick.
         * @constructor
         * @param {cim.Kick.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Kick = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Kick reason.
         * @member {string} reason
         * @memberof cim.Kick
         * @instance
         */
        Kick.prototype.reason = "";

        /**
         * Creates a new Kick instance using the specified properties.
         * @function create
         * @memberof cim.Kick
         * @static
         * @param {cim.Kick.$Properties=} [properties] Properties to set
         * @returns {cim.Kick} Kick instance
         * @type {{
         *   (properties: cim.Kick.$Shape): cim.Kick & cim.Kick.$Shape;
         *   (properties?: cim.Kick.$Properties): cim.Kick;
         * }}
         */
        Kick.create = function(properties) {
            return new Kick(properties);
        };

        /**
         * Encodes the specified Kick message. Does not implicitly {@link cim.Kick.verify|verify} messages.
         * @function encode
         * @memberof cim.Kick
         * @static
         * @param {cim.Kick.$Properties} m Kick message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Kick.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                w.uint32(/* id 1, wireType 2 =*/10).string(m.reason);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Kick message, length delimited. Does not implicitly {@link cim.Kick.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Kick
         * @static
         * @param {cim.Kick.$Properties} message Kick message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Kick.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Kick message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Kick
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Kick & cim.Kick.$Shape} Kick
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Kick.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Kick();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.reason = v;
                        else
                            delete m.reason;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Kick message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Kick
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Kick & cim.Kick.$Shape} Kick
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Kick.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Kick message.
         * @function verify
         * @memberof cim.Kick
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Kick.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                if (!$util.isString(m.reason))
                    return "reason: string expected";
            }
            return null;
        };

        /**
         * Creates a Kick message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Kick
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Kick} Kick
         */
        Kick.fromObject = function (d, q) {
            if (d instanceof $root.cim.Kick)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Kick: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Kick();
            if (d.reason != null) {
                if (typeof d.reason !== "string" || d.reason.length) {
                    m.reason = $String(d.reason);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a Kick message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Kick
         * @static
         * @param {cim.Kick} m Kick
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Kick.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.reason = "";
            }
            if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                d.reason = m.reason;
            }
            return d;
        };

        /**
         * Converts this Kick to JSON.
         * @function toJSON
         * @memberof cim.Kick
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Kick.prototype.toJSON = function() {
            return Kick.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Kick
         * @function getTypeUrl
         * @memberof cim.Kick
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Kick.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Kick";
        };

        return Kick;
    })();

    cim.Redirect = (function() {

        /**
         * Properties of a Redirect.
         * @typedef {Object} cim.Redirect.$Properties
         * @property {string|null} [reason] Redirect reason
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a Redirect.
         * @memberof cim
         * @interface IRedirect
         * @augments cim.Redirect.$Properties
         * @deprecated Use cim.Redirect.$Properties instead.
         */

        /**
         * Shape of a Redirect.
         * @typedef {cim.Redirect.$Properties} cim.Redirect.$Shape
         */

        /**
         * Constructs a new Redirect.
         * @memberof cim
         * @classdesc Represents a Redirect.
         * @constructor
         * @param {cim.Redirect.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Redirect = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Redirect reason.
         * @member {string} reason
         * @memberof cim.Redirect
         * @instance
         */
        Redirect.prototype.reason = "";

        /**
         * Creates a new Redirect instance using the specified properties.
         * @function create
         * @memberof cim.Redirect
         * @static
         * @param {cim.Redirect.$Properties=} [properties] Properties to set
         * @returns {cim.Redirect} Redirect instance
         * @type {{
         *   (properties: cim.Redirect.$Shape): cim.Redirect & cim.Redirect.$Shape;
         *   (properties?: cim.Redirect.$Properties): cim.Redirect;
         * }}
         */
        Redirect.create = function(properties) {
            return new Redirect(properties);
        };

        /**
         * Encodes the specified Redirect message. Does not implicitly {@link cim.Redirect.verify|verify} messages.
         * @function encode
         * @memberof cim.Redirect
         * @static
         * @param {cim.Redirect.$Properties} m Redirect message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Redirect.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                w.uint32(/* id 1, wireType 2 =*/10).string(m.reason);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Redirect message, length delimited. Does not implicitly {@link cim.Redirect.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Redirect
         * @static
         * @param {cim.Redirect.$Properties} message Redirect message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Redirect.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a Redirect message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Redirect
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Redirect & cim.Redirect.$Shape} Redirect
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Redirect.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Redirect();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.reason = v;
                        else
                            delete m.reason;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a Redirect message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Redirect
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Redirect & cim.Redirect.$Shape} Redirect
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Redirect.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a Redirect message.
         * @function verify
         * @memberof cim.Redirect
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Redirect.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                if (!$util.isString(m.reason))
                    return "reason: string expected";
            }
            return null;
        };

        /**
         * Creates a Redirect message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Redirect
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Redirect} Redirect
         */
        Redirect.fromObject = function (d, q) {
            if (d instanceof $root.cim.Redirect)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Redirect: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Redirect();
            if (d.reason != null) {
                if (typeof d.reason !== "string" || d.reason.length) {
                    m.reason = $String(d.reason);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a Redirect message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Redirect
         * @static
         * @param {cim.Redirect} m Redirect
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Redirect.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.reason = "";
            }
            if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                d.reason = m.reason;
            }
            return d;
        };

        /**
         * Converts this Redirect to JSON.
         * @function toJSON
         * @memberof cim.Redirect
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Redirect.prototype.toJSON = function() {
            return Redirect.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Redirect
         * @function getTypeUrl
         * @memberof cim.Redirect
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Redirect.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Redirect";
        };

        return Redirect;
    })();

    cim.Error = (function() {

        /**
         * Properties of an Error.
         * @typedef {Object} cim.Error.$Properties
         * @property {string|null} [code] Error code
         * @property {string|null} [message] Error message
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of an Error.
         * @memberof cim
         * @interface IError
         * @augments cim.Error.$Properties
         * @deprecated Use cim.Error.$Properties instead.
         */

        /**
         * Shape of an Error.
         * @typedef {cim.Error.$Properties} cim.Error.$Shape
         */

        /**
         * Constructs a new Error.
         * @memberof cim
         * @classdesc Represents an Error.
         * @constructor
         * @param {cim.Error.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const Error = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * Error code.
         * @member {string} code
         * @memberof cim.Error
         * @instance
         */
        Error.prototype.code = "";

        /**
         * Error message.
         * @member {string} message
         * @memberof cim.Error
         * @instance
         */
        Error.prototype.message = "";

        /**
         * Creates a new Error instance using the specified properties.
         * @function create
         * @memberof cim.Error
         * @static
         * @param {cim.Error.$Properties=} [properties] Properties to set
         * @returns {cim.Error} Error instance
         * @type {{
         *   (properties: cim.Error.$Shape): cim.Error & cim.Error.$Shape;
         *   (properties?: cim.Error.$Properties): cim.Error;
         * }}
         */
        Error.create = function(properties) {
            return new Error(properties);
        };

        /**
         * Encodes the specified Error message. Does not implicitly {@link cim.Error.verify|verify} messages.
         * @function encode
         * @memberof cim.Error
         * @static
         * @param {cim.Error.$Properties} m Error message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Error.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                w.uint32(/* id 1, wireType 2 =*/10).string(m.code);
            if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                w.uint32(/* id 2, wireType 2 =*/18).string(m.message);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified Error message, length delimited. Does not implicitly {@link cim.Error.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.Error
         * @static
         * @param {cim.Error.$Properties} message Error message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        Error.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes an Error message from the specified reader or buffer.
         * @function decode
         * @memberof cim.Error
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.Error & cim.Error.$Shape} Error
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Error.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.Error();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.code = v;
                        else
                            delete m.code;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.message = v;
                        else
                            delete m.message;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes an Error message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.Error
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.Error & cim.Error.$Shape} Error
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        Error.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies an Error message.
         * @function verify
         * @memberof cim.Error
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        Error.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                if (!$util.isString(m.code))
                    return "code: string expected";
            }
            if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                if (!$util.isString(m.message))
                    return "message: string expected";
            }
            return null;
        };

        /**
         * Creates an Error message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.Error
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.Error} Error
         */
        Error.fromObject = function (d, q) {
            if (d instanceof $root.cim.Error)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.Error: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.Error();
            if (d.code != null) {
                if (typeof d.code !== "string" || d.code.length) {
                    m.code = $String(d.code);
                }
            }
            if (d.message != null) {
                if (typeof d.message !== "string" || d.message.length) {
                    m.message = $String(d.message);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from an Error message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.Error
         * @static
         * @param {cim.Error} m Error
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        Error.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.code = "";
                d.message = "";
            }
            if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                d.code = m.code;
            }
            if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                d.message = m.message;
            }
            return d;
        };

        /**
         * Converts this Error to JSON.
         * @function toJSON
         * @memberof cim.Error
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        Error.prototype.toJSON = function() {
            return Error.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for Error
         * @function getTypeUrl
         * @memberof cim.Error
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        Error.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.Error";
        };

        return Error;
    })();

    cim.CaughtUp = (function() {

        /**
         * Properties of a CaughtUp.
         * @typedef {Object} cim.CaughtUp.$Properties
         * @property {number|Long|null} [cursor] CaughtUp cursor
         * @property {Array.<cim.ConversationCursor.$Properties>|null} [conversations] CaughtUp conversations
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */

        /**
         * Properties of a CaughtUp.
         * @memberof cim
         * @interface ICaughtUp
         * @augments cim.CaughtUp.$Properties
         * @deprecated Use cim.CaughtUp.$Properties instead.
         */

        /**
         * Shape of a CaughtUp.
         * @typedef {cim.CaughtUp.$Properties} cim.CaughtUp.$Shape
         */

        /**
         * Constructs a new CaughtUp.
         * @memberof cim
         * @classdesc Represents a CaughtUp.
         * @constructor
         * @param {cim.CaughtUp.$Properties=} [p] Properties to set
         * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
         */
        const CaughtUp = function (p) {
            this.conversations = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        /**
         * CaughtUp cursor.
         * @member {number|Long} cursor
         * @memberof cim.CaughtUp
         * @instance
         */
        CaughtUp.prototype.cursor = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

        /**
         * CaughtUp conversations.
         * @member {Array.<cim.ConversationCursor.$Properties>} conversations
         * @memberof cim.CaughtUp
         * @instance
         */
        CaughtUp.prototype.conversations = $util.emptyArray;

        /**
         * Creates a new CaughtUp instance using the specified properties.
         * @function create
         * @memberof cim.CaughtUp
         * @static
         * @param {cim.CaughtUp.$Properties=} [properties] Properties to set
         * @returns {cim.CaughtUp} CaughtUp instance
         * @type {{
         *   (properties: cim.CaughtUp.$Shape): cim.CaughtUp & cim.CaughtUp.$Shape;
         *   (properties?: cim.CaughtUp.$Properties): cim.CaughtUp;
         * }}
         */
        CaughtUp.create = function(properties) {
            return new CaughtUp(properties);
        };

        /**
         * Encodes the specified CaughtUp message. Does not implicitly {@link cim.CaughtUp.verify|verify} messages.
         * @function encode
         * @memberof cim.CaughtUp
         * @static
         * @param {cim.CaughtUp.$Properties} m CaughtUp message or plain object to encode
         * @param {$protobuf.Writer} [w] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CaughtUp.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.cursor != null && $Object.hasOwnProperty.call(m, "cursor") && (typeof m.cursor === "object" ? m.cursor.low || m.cursor.high : m.cursor !== 0))
                w.uint32(/* id 1, wireType 0 =*/8).uint64(m.cursor);
            if (m.conversations != null && m.conversations.length) {
                for (var i = 0; i < m.conversations.length; ++i)
                    $root.cim.ConversationCursor.encode(m.conversations[i], w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        /**
         * Encodes the specified CaughtUp message, length delimited. Does not implicitly {@link cim.CaughtUp.verify|verify} messages.
         * @function encodeDelimited
         * @memberof cim.CaughtUp
         * @static
         * @param {cim.CaughtUp.$Properties} message CaughtUp message or plain object to encode
         * @param {$protobuf.Writer} [writer] Writer to encode to
         * @returns {$protobuf.Writer} Writer
         */
        CaughtUp.encodeDelimited = function(message, writer) {
            return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
        };

        /**
         * Decodes a CaughtUp message from the specified reader or buffer.
         * @function decode
         * @memberof cim.CaughtUp
         * @static
         * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
         * @param {number} [l] Message length if known beforehand
         * @returns {cim.CaughtUp & cim.CaughtUp.$Shape} CaughtUp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CaughtUp.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.cim.CaughtUp();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                            m.cursor = v;
                        else
                            delete m.cursor;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.conversations && m.conversations.length))
                            m.conversations = [];
                        m.conversations.push($root.cim.ConversationCursor.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        /**
         * Decodes a CaughtUp message from the specified reader or buffer, length delimited.
         * @function decodeDelimited
         * @memberof cim.CaughtUp
         * @static
         * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
         * @returns {cim.CaughtUp & cim.CaughtUp.$Shape} CaughtUp
         * @throws {Error} If the payload is not a reader or valid buffer
         * @throws {$protobuf.util.ProtocolError} If required fields are missing
         */
        CaughtUp.decodeDelimited = function(reader) {
            if (!(reader instanceof $Reader))
                reader = new $Reader(reader);
            return this.decode(reader, reader.size());
        };

        /**
         * Verifies a CaughtUp message.
         * @function verify
         * @memberof cim.CaughtUp
         * @static
         * @param {Object.<string,*>} m Plain object to verify
         * @returns {string|null} `null` if valid, otherwise the reason why it is not
         */
        CaughtUp.verify = function (m, q) {
            if (typeof m !== "object" || m === null)
                return "object expected";
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                return "max depth exceeded";
            if (m.cursor != null && $Object.hasOwnProperty.call(m, "cursor")) {
                if (!$util.isInteger(m.cursor) && !(m.cursor && $util.isInteger(m.cursor.low) && $util.isInteger(m.cursor.high)))
                    return "cursor: integer|Long expected";
            }
            if (m.conversations != null && $Object.hasOwnProperty.call(m, "conversations")) {
                if (!$Array.isArray(m.conversations))
                    return "conversations: array expected";
                for (var i = 0; i < m.conversations.length; ++i) {
                    {
                        var e = $root.cim.ConversationCursor.verify(m.conversations[i], q + 1);
                        if (e)
                            return "conversations." + e;
                    }
                }
            }
            return null;
        };

        /**
         * Creates a CaughtUp message from a plain object. Also converts values to their respective internal types.
         * @function fromObject
         * @memberof cim.CaughtUp
         * @static
         * @param {Object.<string,*>} d Plain object
         * @returns {cim.CaughtUp} CaughtUp
         */
        CaughtUp.fromObject = function (d, q) {
            if (d instanceof $root.cim.CaughtUp)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".cim.CaughtUp: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.cim.CaughtUp();
            if (d.cursor != null) {
                if (typeof d.cursor === "object" ? d.cursor.low || d.cursor.high : $Number(d.cursor) !== 0) {
                    if ($util.Long)
                        m.cursor = $util.Long.fromValue(d.cursor, true);
                    else if (typeof d.cursor === "string")
                        m.cursor = $parseInt(d.cursor, 10);
                    else if (typeof d.cursor === "number")
                        m.cursor = d.cursor;
                    else if (typeof d.cursor === "object")
                        m.cursor = new $util.LongBits(d.cursor.low >>> 0, d.cursor.high >>> 0).toNumber(true);
                }
            }
            if (d.conversations) {
                if (!$Array.isArray(d.conversations))
                    throw $TypeError(".cim.CaughtUp.conversations: array expected");
                m.conversations = $Array(d.conversations.length);
                for (var i = 0; i < d.conversations.length; ++i) {
                    if (!$util.isObject(d.conversations[i]))
                        throw $TypeError(".cim.CaughtUp.conversations: object expected");
                    m.conversations[i] = $root.cim.ConversationCursor.fromObject(d.conversations[i], q + 1);
                }
            }
            return m;
        };

        /**
         * Creates a plain object from a CaughtUp message. Also converts values to other types if specified.
         * @function toObject
         * @memberof cim.CaughtUp
         * @static
         * @param {cim.CaughtUp} m CaughtUp
         * @param {$protobuf.IConversionOptions} [o] Conversion options
         * @returns {Object.<string,*>} Plain object
         */
        CaughtUp.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.conversations = [];
            }
            if (o.defaults) {
                if ($util.Long) {
                    var n = new $util.Long(0, 0, true);
                    d.cursor = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.cursor = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.cursor != null && $Object.hasOwnProperty.call(m, "cursor")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.cursor = typeof m.cursor === "number" ? $BigInt(m.cursor) : $util.Long.fromBits(m.cursor.low >>> 0, m.cursor.high >>> 0, true).toBigInt();
                else if (typeof m.cursor === "number")
                    d.cursor = o.longs === $String ? $String(m.cursor) : m.cursor;
                else
                    d.cursor = o.longs === $String ? $util.Long.prototype.toString.call(m.cursor) : o.longs === $Number ? new $util.LongBits(m.cursor.low >>> 0, m.cursor.high >>> 0).toNumber(true) : m.cursor;
            }
            if (m.conversations && m.conversations.length) {
                d.conversations = $Array(m.conversations.length);
                for (var j = 0; j < m.conversations.length; ++j) {
                    d.conversations[j] = $root.cim.ConversationCursor.toObject(m.conversations[j], o, q + 1);
                }
            }
            return d;
        };

        /**
         * Converts this CaughtUp to JSON.
         * @function toJSON
         * @memberof cim.CaughtUp
         * @instance
         * @returns {Object.<string,*>} JSON object
         */
        CaughtUp.prototype.toJSON = function() {
            return CaughtUp.toObject(this, $protobuf.util.toJSONOptions);
        };

        /**
         * Gets the type url for CaughtUp
         * @function getTypeUrl
         * @memberof cim.CaughtUp
         * @static
         * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
         * @returns {string} The type url
         */
        CaughtUp.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/cim.CaughtUp";
        };

        return CaughtUp;
    })();

    return cim;
})();

export {
  $root as default
};
