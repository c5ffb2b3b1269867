using System.Net;
using System.Net.Sockets;

namespace CheckoutOrchestrator.Notifications;

/// <summary>
/// Which addresses a merchant's event may be sent to without the operator's leave: public ones.
/// Loopback, private, shared (carrier-grade NAT), link-local (cloud metadata services live there),
/// unique-local, site-local, multicast and unspecified addresses are inside somebody's network, and so
/// may be the IPv4 address an IPv6 form carries (IPv4-compatible, -mapped, -translated, NAT64, 6to4, Teredo).
/// </summary>
public static class PublicAddresses
{
    private static readonly (IPAddress Network, int PrefixLength)[] Inside =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("fec0::"), 10),
        (IPAddress.Parse("ff00::"), 8),

        // IPv6 forms that carry an IPv4 address, which may be an inside one: refused whatever it embeds.
        (IPAddress.Parse("::"), 96),
        (IPAddress.Parse("::ffff:0:0:0"), 96),
        (IPAddress.Parse("64:ff9b::"), 96),
        (IPAddress.Parse("64:ff9b:1::"), 48),
        (IPAddress.Parse("2002::"), 16),
        (IPAddress.Parse("2001::"), 32),
        (IPAddress.Parse("100::"), 64),
    ];

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return !Array.Exists(Inside, range => range.Network.AddressFamily == address.AddressFamily && InRange(address, range.Network, range.PrefixLength));
    }

    /// <summary>
    /// Connects only to a public address of the host, resolved now: a name that resolves (or is
    /// rebound) to an inside address cannot pass, since the check is on the address connected to.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var permitted = addresses.Where(IsPublic).ToList();
        if (permitted.Count == 0)
        {
            throw new DestinationRefusedException(context.DnsEndPoint.Host);
        }

        Socket? socket = new(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = true;
            await socket.ConnectAsync([.. permitted], context.DnsEndPoint.Port, cancellationToken);
            var stream = new NetworkStream(socket, ownsSocket: true);
            socket = null;
            return stream;
        }
        finally
        {
            socket?.Dispose();
        }
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        var networkBytes = network.GetAddressBytes();
        for (var bit = 0; bit < prefixLength; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            if ((bytes[bit / 8] & mask) != (networkBytes[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
