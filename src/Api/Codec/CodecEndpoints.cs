using CheckoutOrchestrator.ServiceDefaults.PayloadEncryption;
using Google.Protobuf;
using Microsoft.AspNetCore.Authentication;
using Temporalio.Api.Common.V1;

namespace CheckoutOrchestrator.Api.Codec;

/// <summary>
/// Temporal's remote codec protocol: Temporal UI and <c>temporal --codec-endpoint</c> POST
/// <c>{"payloads":[…]}</c> to /codec/decode (and /codec/encode) so operators read checkouts' payloads
/// decrypted. Only operator tokens are accepted; browsers only from the configured UI origins.
/// </summary>
public static class CodecEndpoints
{
    public const string Policy = "Operator";
    public const string Cors = "TemporalUi";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static IServiceCollection AddCodecServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CodecServerOptions>().Bind(configuration.GetSection(CodecServerOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<CodecServerOptions>, CodecOidcValidation>();
        var codec = configuration.GetSection(CodecServerOptions.Section).Get<CodecServerOptions>() ?? new();
        var authentication = services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, OperatorTokenHandler>(OperatorTokenHandler.SchemeName, null);
        string[] schemes = [OperatorTokenHandler.SchemeName];
        if (codec.Oidc.Authority is { } authority)
        {
            authentication.AddJwtBearer(OperatorJwt.SchemeName, jwt => OperatorJwt.Configure(jwt, authority, codec.Oidc));
            schemes = [.. schemes, OperatorJwt.SchemeName];
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(schemes).RequireClaim(OperatorTokenHandler.OperatorClaim));
        var origins = codec.AllowedOrigins;
        services.AddCors(cors => cors.AddPolicy(Cors, policy => policy
            .WithOrigins([.. origins])
            .WithMethods("POST")
            .WithHeaders("authorization", "content-type", "x-namespace")
            .AllowCredentials()));
        return services;
    }

    public static IEndpointRouteBuilder MapCodecEndpoints(this IEndpointRouteBuilder app)
    {
        var codec = app.MapGroup("/codec")
            .RequireAuthorization(Policy)
            .RequireCors(Cors)
            .WithTags(OpenApi.OperationContract.OperatorsTag)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        codec.MapPost("/encode", (HttpRequest request, AesGcmPayloadCodec codec) => TranscodeAsync(request, codec.EncodeAsync))
            .Accepts<CodecPayloads>("application/json")
            .Produces<CodecPayloads>()
            .WithName("encodePayloads")
            .WithSummary("Encrypt Temporal payloads (Temporal's remote codec protocol).");
        codec.MapPost("/decode", (HttpRequest request, AesGcmPayloadCodec codec) => TranscodeAsync(request, codec.DecodeAsync))
            .Accepts<CodecPayloads>("application/json")
            .Produces<CodecPayloads>()
            .WithName("decodePayloads")
            .WithSummary("Decrypt Temporal payloads for Temporal UI and CLI (Temporal's remote codec protocol).");
        return app;
    }

    private static async Task<IResult> TranscodeAsync(HttpRequest request, Func<IReadOnlyCollection<Payload>, Task<IReadOnlyCollection<Payload>>> transcode)
    {
        Payloads payloads;
        try
        {
            using var reader = new StreamReader(request.Body);
            payloads = Parser.Parse<Payloads>(await reader.ReadToEndAsync(request.HttpContext.RequestAborted));
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-payloads", "Send {\"payloads\": [...]} as Temporal's JSON encoding of Payloads.", ex.Message);
        }

        IReadOnlyCollection<Payload> result;
        try
        {
            result = await transcode(payloads.Payloads_);
        }
        catch (UnknownPayloadKeyException ex)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "undecryptable-payload", "A payload is encrypted under a key this server does not hold.", ex.Message);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-payloads", "A payload is too short, truncated or altered: it cannot be decrypted.", ex.Message);
        }

        return Results.Text(JsonFormatter.Default.Format(new Payloads { Payloads_ = { result } }), "application/json");
    }
}
