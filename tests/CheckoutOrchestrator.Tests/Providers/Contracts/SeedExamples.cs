namespace CheckoutOrchestrator.Tests.Providers.Contracts;

/// <summary>
/// The examples in the providers' documents (../shared/seeds), copied verbatim, and where a seed
/// lacks one the provider's public docs' example quoted in ../shared/research/providers.md.
/// </summary>
public static class SeedExamples
{
    // seeds/001 (LakiPay) "Example (cURL)" body.
    public const string LakiPayRequest = """
        {
            "amount": 1000.5,
            "currency": "ETB",
            "phone_number": "251911111111",
            "reference": "ORDER123456",
            "description": "Payment for order #123",
            "callback_url": "https://example.com/callback",
            "redirects": {
              "success": "https://example.com/success",
              "failed": "https://example.com/failed"
            },
            "supported_mediums": ["MPESA", "TELEBIRR", "CBE"]
          }
        """;

    // seeds/001 (LakiPay) "Example success body".
    public const string LakiPayResponse = """
        {
          "status": "SUCCESS",
          "message": "Checkout session created successfully",
          "data": {
            "checkout_url": "https://checkout.lakipay.co/pay/abc123...",
            "lakipay_transaction_id": "TXN-123456789",
            "reference": "ORDER123456",
            "amount": 1000.5,
            "currency": "ETB",
            "status": "INITIATED"
          }
        }
        """;

    // seeds/002 (Waftpay) "Request body (example)".
    public const string WaftpayRequest = """
        {
          "customer": {
            "first_name": "Amina",
            "other_names": "Kariuki",
            "email": "amina.kariuki@example.com",
            "phone_number": "254733112244"
          },
          "timestamp": "2025-11-18T09:45:30.540Z",
          "checkout_reference": "CHK623581942",
          "payment_reference": "INV20478519",
          "msisdn": "254711223344",
          "country": "KEN",
          "currency": "KES",
          "amount": 1750,
          "mode": "redirect",
          "callback_url": "https://webhook.site/aa2b85e4-1c13-4a9c-9b7e-3d7f3d91c9f1",
          "success_redirect_url": "https://webhook.site/aa2b85e4-1c13-4a9c-9b7e-3d7f3d91c9f1",
          "fail_redirect_url": "https://webhook.site/aa2b85e4-1c13-4a9c-9b7e-3d7f3d91c9f1",
          "meta_data": {
            "order_id": "ORDER-39182"
          },
          "extra_params": {
            "language": "en",
            "expiry": "2026-02-14 18:30:00",
            "strict_amount": true
          }
        }
        """;

    // seeds/002 (Waftpay) "Response (accepted)".
    public const string WaftpayResponse = """
        {
          "code": "200",
          "status": "SUCCESS",
          "description": "Request accepted",
          "data": {
            "checkout_url": "https://waftpay.netlify.app/checkout/OTRkN2I2YTQtZTliZi00MDI0LTk2N2ItZGI1MTQ0NmU2NzY2",
            "expires_at": "2026-03-02T14:08:41.921Z"
          }
        }
        """;

    // research §3.5 (Waftpay docs, "Webhook payload"); seeds/002 only points to it.
    public const string WaftpayCallback = """
        {"status":"SUCCESS","code":"102","description":"Payment completed successfully","results":{"result_code":"0","result_description":"…","amount":100,"total_charges":10,"total_amount":100,"account":"254708374149","transaction_reference":"295877","payment_uuid":"413283551145761444","external_reference":"3C1HH10ZU8","time_processed":"2026-01-07T09:48:08.8485958","validation_hash":"16b70a…","metadata":{}}}
        """;

    // seeds/003 (Chpter) "Request Payload".
    public const string ChpterRequest = """
        {
          "customer_details": {
            "full_name": "John Doe",
            "location": "Nairobi",
            "phone_number": "254700123123",
            "email": "johndoe@mail.com"
          },
          "amount": {
            "order_id": "123",
            "delivery_fee": "0",
            "discount_fee": "0",
            "total": "100",
            "currency": "kes"
          },
          "redirect_urls": {
            "success_url": "https://my-success-url.com",
            "failed_url": "https://my-failed-url.com",
            "callback_url": "https://my-callback-url.com"
          }
        }
        """;

    // seeds/003 (Chpter) "Request Response".
    public const string ChpterResponse = """
        {
            "checkout_link": "https://chpter.co/checkout.sessions/hosted/session/R8K7iFxrN3CW6r0cKu",
            "status": true,
            "order_id": "123"
        }
        """;

    // seeds/003 (Chpter) the four callback payloads.
    public const string ChpterMpesaSuccess = """
        {
        "payment_method": "MPESA",
        "paid": "True",
        "response_status": 200,
        "order_id": "945", 
        "message": "M-PESA Payment Successful",
        "amount": "100",
        "payment_status": "Payment complete."
        }
        """;

    public const string ChpterCardSuccess = """
        {
        "payment_method": "CARD",
        "paid": "False",
        "response_status": 200,
        "order_id": "945", 
        "message": "Card Payment Successful",
        "amount": "100",
        "payment_status": "Payment complete."
        }
        """;

    public const string ChpterMpesaFailure = """
        {
        "payment_method": "MPESA",
        "paid": "False",
        "response_status": 200,
        "order_id": "945", 
        "message": "Insufficient funds",
        "amount": "100",
        "payment_status": "Payment Incomplete."
        }
        """;

    public const string ChpterCardFailure = """
        {
        "payment_method": "CARD",
        "paid": "False",
        "response_status": 200,
        "order_id": "945", 
        "message": "Insufficient funds",
        "amount": "100",
        "payment_status": "Payment Incomplete."
        }
        """;

    // seeds/004 (Adullam) the schema's response example ("Session already exist").
    public const string AdullamResponse = """
        {
          "id": "cs_ci_123456789",
          "status": "created",
          "amount": 5000,
          "currency": "XOF",
          "user_phone": "+22507987654",
          "payment_id": "ORDER_123",
          "description": "<string>",
          "created_at": "2023-11-07T05:31:56Z",
          "expires_at": "2023-11-07T05:31:56Z",
          "completed_at": "2023-11-07T05:31:56Z",
          "failure_reason": "<string>",
          "transaction_fee": 25
        }
        """;

    // seeds/004 (Adullam) the prose template's request, which the schema contradicts.
    public const string AdullamTemplateRequest = """
        {
          "amount": 1000,
          "currency": "usd",
          "payment_method": "card",
          "success_url": "https://example.com/success",
          "cancel_url": "https://example.com/cancel"
        }
        """;

    // seeds/004 (Adullam) the prose template's response.
    public const string AdullamTemplateResponse = """
        {
          "id": "cs_test_123",
          "amount": 1000,
          "currency": "usd",
          "status": "pending",
          "created_at": "2024-01-01T12:00:00Z",
          "customer_id": "cus_456"
        }
        """;

    // research §1.4 (Kiotapay docs, GET /checkout-sessions/{id}); seeds/000 lost its examples.
    public const string KiotapaySession = """
        {"id":"cf488410-…","amount":1500,"currency":"KES","description":"…","customerEmail":"…","customerMsisdn":"+237612345678","externalRef":"ORDER-12345-EXT","paymentMethods":["CARD","MPESA_STK"],"merchantDisplayName":"Example Store","merchantLogoUrl":"…","status":"PENDING"}
        """;

    // research §1.2, §3.2, §5.2: the documented token answers.
    public const string KiotapayToken = """{"status":"200 OK","data":{"access_token":"<JWT>","refresh_token":"<JWT>","expires_in":300,"refresh_expires_in":1800}}""";

    public const string WaftpayToken = """{"status":true,"message":"Request processed successfully","token":"<JWT>","expires_in":7200000}""";

    public const string AdullamToken = """{"access_token":"<JWT HS256>","token_type":"Bearer","expires_in":3600,"partner_id":"partner_abc123"}""";
}
