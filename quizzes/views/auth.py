"""Sign in and out with Django's auth views, our templates, and a per-account throttle on sign-in."""

from django.contrib.auth import views as auth_views

from quizzes.forms import ThrottledAuthenticationForm

login_view = auth_views.LoginView.as_view(
    template_name="registration/login.html",
    authentication_form=ThrottledAuthenticationForm,
    redirect_authenticated_user=True,
)
# Django 5 signs out by POST only, so a link cannot sign anyone out behind their back.
logout_view = auth_views.LogoutView.as_view()
