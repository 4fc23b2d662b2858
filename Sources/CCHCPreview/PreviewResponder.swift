import HTTPTypes
import Hummingbird
import NIOCore

/// What a request is answered with besides itself: its connection, so an event stream ends as
/// soon as its connection closes, not at the next write.
struct PreviewRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connection the request came on.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// Answers every request from the in-memory site: files (rendered on first request), folder indexes,
/// the 404 page, the event stream.
struct PreviewResponder: HTTPResponder {
    typealias Context = PreviewRequestContext

    let state: PreviewState
    let hub: EventHub
    /// Open event streams at most.
    let eventStreams: Int

    func respond(to request: Request, context: Context) async throws -> Response {
        let method = request.method
        guard method == .get || method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .cacheControl: "no-store"])
        }
        let raw = request.uri.path
        if raw == Injection.eventsPath { return events(head: method == .head, channel: context.channel) }
        let site = state.served
        guard let target = RequestPath.resolve(raw) else { return notFound(site, request) }
        guard site.hasGoodBuild else { return page(site.notFound, status: .serviceUnavailable, request) }

        if target.isFolder {
            let index = target.path.isEmpty ? "index.html" : target.path + "/index.html"
            guard let file = await site.file(index) else { return notFound(site, request) }
            return page(file, status: .ok, request)
        }
        if let file = await site.file(target.path) { return page(file, status: .ok, request) }
        if site.isFolder(target.path) {
            // `/plans` → `/plans/`, so the page's relative links resolve inside the folder.
            var location = raw + "/"
            if let query = request.uri.query { location += "?" + query }
            return Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-cache"])
        }
        return notFound(site, request)
    }

    private func notFound(_ site: ServedSite, _ request: Request) -> Response {
        page(site.notFound, status: site.hasGoodBuild ? .notFound : .serviceUnavailable, request)
    }

    /// A file with its validators; `If-None-Match` gets 304 for a 200 answer, HEAD gets the headers only.
    private func page(_ file: ServedFile, status: HTTPResponse.Status, _ request: Request) -> Response {
        var headers: HTTPFields = [
            .contentType: file.contentType,
            .cacheControl: "no-cache",
            .xContentTypeOptions: "nosniff",
        ]
        if status == .ok {
            headers[.eTag] = file.etag
            if let condition = request.headers[.ifNoneMatch], ETag.matches(condition, file.etag) {
                var response = Response(status: .notModified, headers: [.eTag: file.etag, .cacheControl: "no-cache"])
                response.headers[.contentLength] = nil
                return response
            }
        }
        if request.method == .head {
            headers[.contentLength] = String(file.body.readableBytes)
            return Response(status: status, headers: headers)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: file.body))
    }

    /// `text/event-stream`: `reload` after a good rebuild, `failed` after a broken one, comments to
    /// keep it open. Beyond ``eventStreams`` open streams: 503 with `Retry-After`, and nothing kept.
    private func events(head: Bool, channel: any Channel) -> Response {
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8",
            .cacheControl: "no-cache",
            HTTPField.Name("X-Accel-Buffering")!: "no",
        ]
        if head { return Response(status: .ok, headers: headers) }
        guard let subscription = hub.subscribe(limit: eventStreams) else {
            let text = "cchc serve: too many open event streams (the limit is \(eventStreams)); close some pages and try again\n"
            return Response(
                status: .serviceUnavailable,
                headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store", .retryAfter: "10"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        // The stream ends when its connection does: its reader is gone, and its place is free.
        channel.closeFuture.whenComplete { _ in subscription.end() }
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 1000\n: connected\n\n"))
                for await frame in subscription.frames {
                    try await writer.write(ByteBuffer(string: frame))
                }
                try await writer.finish(nil)
            })
    }
}
