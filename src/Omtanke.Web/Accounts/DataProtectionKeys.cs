using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;
using Omtanke.Core.Storage;

namespace Omtanke.Web.Accounts;

/// <summary>Keeps ASP.NET Core's data protection keys in the service's database instead of one machine's disk.</summary>
public sealed class DataProtectionKeys(NpgsqlDataSource db) : IXmlRepository
{
    public static void AddOmtankeDataProtection(IServiceCollection services, NpgsqlDataSource db)
    {
        services.AddDataProtection().SetApplicationName("omtanke");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new DataProtectionKeys(db));
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var conn = db.OpenConnection();
        using var cmd = Sql.Command(conn, "SELECT xml FROM data_protection_keys ORDER BY id");
        using var r = cmd.ExecuteReader();
        var keys = new List<XElement>();
        while (r.Read()) keys.Add(XElement.Parse(r.GetString(0)));
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var conn = db.OpenConnection();
        using var cmd = Sql.Command(conn, "INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($1, $2)",
            friendlyName, element.ToString(SaveOptions.DisableFormatting));
        cmd.ExecuteNonQuery();
    }
}
