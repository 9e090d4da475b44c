using Corpus.Web.Pages;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace Corpus.Web.Hosting;

/// <summary>
/// Pages answer GET and HEAD only; routing answers 405 (with <c>Allow</c>) to anything else instead of running a
/// page without its handler. The status page is the exception: a failed request of any method is re-executed there.
/// </summary>
public sealed class GetAndHeadPages : IPageApplicationModelConvention
{
    private static readonly HttpMethodMetadata GetAndHead = new([HttpMethods.Get, HttpMethods.Head]);

    public void Apply(PageApplicationModel model)
    {
        if (model.HandlerType.AsType() != typeof(StatusModel))
        {
            model.EndpointMetadata.Add(GetAndHead);
        }
    }
}
